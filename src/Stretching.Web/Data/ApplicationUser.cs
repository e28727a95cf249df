using Microsoft.AspNetCore.Identity;

namespace Stretching.Web.Data;

/// <summary>A person with an account. What they keep (profile, sessions, favourites) hangs off it and leaves with it.</summary>
public sealed class ApplicationUser : IdentityUser;
