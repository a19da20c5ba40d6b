// Import (a .csv or .json file, the box's report shown row by row) and export (a download) of the reply library.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../../shared/errors.ts';
import { useServices } from '../../../shared/services.ts';
import { exportFileName, importReportView, replyFileFormat } from './importReport.ts';
import type { ImportReportView, ReplyFileFormat } from './importReport.ts';

function download(name: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReplyTransfer({ boxId }: { boxId: string }) {
  const { t } = useTranslation('chatDesk');
  const { links } = useServices();
  const input = useRef<HTMLInputElement | null>(null);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setReport(null);
    setError(null);
    const format = replyFileFormat(file.name);
    if (!format) {
      setError(t('replies.badFile'));
      return;
    }
    try {
      const content = await file.text();
      setReport(importReportView(await links.require(boxId).request({ type: 'importQuickReplies', format, content })));
    } catch (failure) {
      setError(errorMessageOf(failure));
    }
  };
  const exportAs = async (format: ReplyFileFormat) => {
    setError(null);
    try {
      const result = await links.require(boxId).request({ type: 'exportQuickReplies', format });
      download(exportFileName(format, new Date()), result.content, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
    } catch (failure) {
      setError(errorMessageOf(failure));
    }
  };

  return (
    <div className="reply-transfer">
      <div className="reply-transfer-buttons">
        <button type="button" onClick={() => input.current?.click()} data-testid="reply-import">{t('replies.import')}</button>
        <button type="button" onClick={() => void exportAs('csv')} data-testid="reply-export-csv">{t('replies.exportCsv')}</button>
        <button type="button" onClick={() => void exportAs('json')} data-testid="reply-export-json">{t('replies.exportJson')}</button>
        <input
          ref={input}
          type="file"
          accept=".csv,.json"
          hidden
          data-testid="reply-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {error ? <p className="field-problem" data-testid="reply-transfer-error">{error}</p> : null}
      {report ? (
        <div className={`import-report import-report-${report.tone}`} data-testid="import-report">
          <strong data-testid="import-imported">{t('replies.imported', { count: report.imported })}</strong>
          {report.rejectedCount > 0 ? (
            <>
              <span>{t('replies.rejected', { count: report.rejectedCount })}</span>
              <ul>
                {report.rows.map((row) => (
                  <li key={`${row.row}-${row.field}`} data-testid="import-rejected" data-row={row.row}>
                    {t('replies.row', { row: row.row })} · {row.field}: {row.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" className="link" onClick={() => setReport(null)}>{t('replies.close')}</button>
        </div>
      ) : null}
    </div>
  );
}
