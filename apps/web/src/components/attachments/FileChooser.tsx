import { useRef, useState, type DragEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { formatSize } from './attachment-files';

/**
 * Where files come from: dropped on the zone (a PC), the file picker (several at once), or the
 * phone's camera (拍照). It refuses nothing itself — the server decides by the content — and shows
 * beside each chosen file the server's refusal of it.
 */
export function FileChooser({ files, errors, onChange, disabled }: {
  files: readonly File[];
  errors: ReadonlyMap<number, string>;
  onChange(files: File[]): void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const add = (list: FileList | null) => {
    if (list && list.length > 0) onChange([...files, ...Array.from(list)]);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) add(event.dataTransfer.files);
  };

  return (
    <div className="file-chooser">
      <div className={over ? 'drop-zone drop-over' : 'drop-zone'} data-testid="attach-drop"
        onDragOver={(event) => { event.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
        <span className="drop-text">{t('att.drop')}</span>
        <div className="drop-buttons">
          <button type="button" className="secondary" disabled={disabled} data-testid="attach-pick" onClick={() => picker.current?.click()}>{t('att.pick')}</button>
          <button type="button" className="secondary" disabled={disabled} data-testid="attach-camera" onClick={() => camera.current?.click()}>{t('att.camera')}</button>
        </div>
        <span className="field-hint">{t('att.filesHint')}</span>
        <input ref={picker} type="file" multiple hidden data-testid="attach-files" onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
        <input ref={camera} type="file" accept="image/*" capture="environment" hidden data-testid="attach-camera-input"
          onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
      </div>
      {files.length > 0 && (
        <ul className="chosen-files" data-testid="attach-chosen">
          {files.map((file, index) => (
            <li key={`${index}-${file.name}`} data-testid="attach-chosen-file" data-name={file.name} className={errors.has(index) ? 'chosen-refused' : undefined}>
              <div className="chosen-line">
                <span className="chosen-name">{file.name}</span>
                <span className="muted nowrap">{formatSize(file.size)}</span>
                <button type="button" className="link-button" disabled={disabled} data-testid="attach-remove"
                  onClick={() => onChange(files.filter((_, i) => i !== index))}>{t('att.remove')}</button>
              </div>
              {errors.has(index) && <div className="field-error" role="alert" data-testid="attach-file-error">{errors.get(index)}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
