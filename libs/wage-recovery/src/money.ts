/** Money in integer fen, shared by every context (libs/money). */
export * from '#money';
