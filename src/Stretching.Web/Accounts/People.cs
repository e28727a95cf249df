using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Stretching.Web.Accounts;

public static class People
{
    /// <summary>The signed-in person's id, the owner every query of their data is filtered by.</summary>
    public static string OwnerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user without an id.");

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>
    /// Who a page was made for, as the browser may know it: a one-way digest of the account id that says
    /// "same person or not" and nothing else. The player's outbox tags each record with it, and sends the
    /// record back with it, so a session is never added to whoever happens to be signed in later.
    /// </summary>
    public static string OwnerHint(this ClaimsPrincipal user) => user.IsSignedIn() ? HintFor(user.OwnerId()) : "";

    private static string HintFor(string ownerId) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("stretching-owner:" + ownerId)).AsSpan(0, 16))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
