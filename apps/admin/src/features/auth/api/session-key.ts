// Its own module so the app shell can reset the session without loading the API client.
export const sessionQueryKey = ['auth', 'session'] as const;
