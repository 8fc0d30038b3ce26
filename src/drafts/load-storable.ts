// The report schema's check of what a draft stores (core/report/storable), loaded when a draft is
// first opened or created: a blank first screen never needs zod.
export const loadToStorableReport = async () => (await import('../core/report/storable')).toStorableReport;
