export const DefaultAfterSignIn = '/partners';
export const SignInPath = '/sign-in';
const RedirectParam = 'redirectTo';

// Only paths on this origin: an attacker-supplied absolute or protocol-relative URL is ignored.
export const safeRedirect = (target: string | null | undefined): string => {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return DefaultAfterSignIn;
  }
  return target === SignInPath || target.startsWith(`${SignInPath}?`) ? DefaultAfterSignIn : target;
};

export const signInPathFor = (location: { pathname: string; search: string }): string => {
  const target = `${location.pathname}${location.search}`;
  if (target === '/' || target === DefaultAfterSignIn) return SignInPath;
  return `${SignInPath}?${new URLSearchParams({ [RedirectParam]: target }).toString()}`;
};

export const redirectTargetFrom = (search: URLSearchParams): string =>
  safeRedirect(search.get(RedirectParam));
