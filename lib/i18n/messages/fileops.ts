// Messages of the fileops area (owner: fileops-ui). Keys start with "fileops."; en and ko must have the same keys.
export const fileops = {
  en: {} as Record<string, string>,
  ko: {} as Record<string, string>,
};
