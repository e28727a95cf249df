using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Stretching.Web.Data;

namespace Stretching.Web.Components.Account;

/// <summary>What several account pages share: words, emailed links' codes and the services to sign in with.</summary>
internal static class AccountLinks
{
    /// <summary>Where a sign-in code page sends someone who has not given their password first (or took too long).</summary>
    public const string SignInFirst = "Error: Please sign in with your email and password first; the code is asked for after that.";

    /// <summary>What Identity's default password options ask for, said once for every form that sets a password.</summary>
    public const string PasswordRule = "At least 6 characters, with a capital letter, a small letter, a number and a symbol.";

    /// <summary>
    /// The token inside an emailed link's code (Base64Url of its UTF-8 text), or null when the code
    /// was cut short or mistyped: such a link is answered as an expired one, never with an error page.
    /// </summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Services a person can really sign in with (Google and the like): remote handlers only. The app's
    /// own cookie-or-bearer selector is a scheme too, but not somewhere to sign in, so it is never offered.
    /// </summary>
    public static async Task<IReadOnlyList<AuthenticationScheme>> ExternalProvidersAsync(SignInManager<ApplicationUser> signInManager) =>
        [.. (await signInManager.GetExternalAuthenticationSchemesAsync())
            .Where(scheme => typeof(IAuthenticationRequestHandler).IsAssignableFrom(scheme.HandlerType))];
}
