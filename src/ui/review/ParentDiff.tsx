// The county's own report against the sum of its units, cell by cell: each difference with the
// units that hold a number there.
import type { Difference, ReviewInput } from '../../review';
import { placeWords } from '../../review';

export function ParentDiff({ parent, differences }: { parent: ReviewInput; differences: Difference[] }) {
  return (
    <section className="review-parent" aria-label="本级与下级合计比较">
      <h3>
        {parent.report.organ.name} 与下级合计比较：{differences.length} 个单元格不一致
      </h3>
      <table>
        <thead>
          <tr>
            <th>位置</th>
            <th>本级</th>
            <th>下级合计</th>
            <th>相差</th>
            <th>涉及单位</th>
          </tr>
        </thead>
        <tbody>
          {differences.slice(0, 500).map((d) => (
            <tr key={d.cell}>
              <td>{placeWords(parent.template, { kind: 'cell', cell: d.cell })}</td>
              <td className="num">{d.parent ?? '空白'}</td>
              <td className="num">{d.sum ?? '空白'}</td>
              <td className="num">{d.diff}</td>
              <td>{d.units.map((x) => `${x.organ} ${x.value}`).join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
