using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Stretching.Web.Extensions;

/// <summary>
/// Whether a request carries a way to be signed in, read from the request itself: a bearer token or any
/// Authorization header, or the sign-in cookie (or one of its chunks). Compression and the output cache
/// ask before authentication has run, and do not care whether the credential turns out to be valid:
/// a request that carries one is treated as a signed-in person's.
/// </summary>
public sealed class SignInCredentials(IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    private readonly string _cookieName = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? ".AspNetCore.Identity.Application";

    public bool CarriedBy(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0)
        {
            return true;
        }
        if (request.Headers.Cookie.Count == 0)
        {
            return false;
        }
        // A large cookie is sent in chunks named name, nameC1, nameC2...
        foreach (var name in request.Cookies.Keys)
        {
            if (name.StartsWith(_cookieName, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
