import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registry } from './templates';

function App() {
  return (
    <main>
      <h1>nianbao · 政府信息公开工作年度报告编制器</h1>
      <p>已载入模板：{registry.all.map((t) => t.spec.name).join('、')}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
