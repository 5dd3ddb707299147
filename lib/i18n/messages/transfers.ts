// Messages of the transfers area (owner: transfers-ui). Keys start with "transfers."; en and ko must have the same keys.
export const transfers = {
  en: {} as Record<string, string>,
  ko: {} as Record<string, string>,
};
