using System.Security.Claims;

namespace Stretching.Web.Accounts;

public static class People
{
    /// <summary>The signed-in person's id, the owner every query of their data is filtered by.</summary>
    public static string OwnerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user without an id.");

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;
}
