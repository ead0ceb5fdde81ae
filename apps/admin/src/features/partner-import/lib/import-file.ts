/** The spreadsheets an import reads, by extension, with the media type the gateway expects. */
export const ImportMediaTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** What the file picker offers: extensions and media types alike (browsers differ). */
export const importAccept = ['.csv', '.xlsx', ...Object.values(ImportMediaTypes)].join(',');

/** The gateway refuses larger files (413): said before sending 10 MB for nothing. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The media type to send a file with; `undefined` for a file that is neither CSV nor Excel. */
export const importMediaType = (file: { name: string }): string | undefined => {
  const extension = file.name.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'xlsx' ? ImportMediaTypes[extension] : undefined;
};
