using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Stretching.Web.Components.Account;
using Stretching.Web.Data;

namespace Stretching.Web.Accounts;

/// <summary>
/// Accounts: ASP.NET Core Identity with cookies for people and bearer tokens for scripts, email,
/// lockout, rate limits on the doors people knock at (per instance), and data-protection keys that outlive a restart.
/// </summary>
public static class AccountServices
{
    private const string CookieOrBearerScheme = "CookieOrBearer";

    /// <summary>The POSTs that guess or flood: signing in, registering, asking for reset links.</summary>
    private static readonly string[] RateLimitedPaths =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register",
        "/Account/ForgotPassword", "/Account/ResendEmailConfirmation",
        "/api/account/login", "/api/account/register", "/api/account/forgotPassword", "/api/account/resetPassword",
        "/api/account/resendConfirmationEmail",
    ];

    /// <summary>Whether the cookie is older than Identity's validation interval, by Identity's clock: the test its validator makes before anything else.</summary>
    private static bool SecurityStampCheckIsDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        return context.Properties.IssuedUtc is not { } issued || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
    }

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder, StorageOptions storage, DatabaseOptions database)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();

        // People sign in with a cookie, scripts with a bearer token: the request's Authorization header decides.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearerScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // No display name: a scheme with one is listed as a service to sign in with, which this selector is not.
            .AddPolicyScheme(CookieOrBearerScheme, displayName: null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<StretchingDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddApiEndpoints();

        services.ConfigureApplicationCookie(options =>
        {
            // A tablet by the mat stays signed in for weeks; each visit pushes the end further out.
            options.ExpireTimeSpan = TimeSpan.FromDays(60);
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "stretching.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Scripts and the API are told 401 in problem+json, never sent to a sign-in page.
            options.Events.OnRedirectToLogin = context => ApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
            // Identity's own handler builds the sign-in manager, the user manager with its token providers and the
            // user store on every request, only to find most cookies not yet due for a look at the security stamp;
            // the same test of the cookie's age, made first, spares every signed-in request that work.
            options.Events.OnValidatePrincipal = context =>
                SecurityStampCheckIsDue(context) ? SecurityStampValidator.ValidatePrincipalAsync(context) : Task.CompletedTask;
        });

        // Keys live where the data does: with PostgreSQL in the database, so every instance behind a proxy
        // reads the others' cookies; with SQLite (one machine) in the storage folder, as they always have.
        var dataProtection = services.AddDataProtection().SetApplicationName("Stretching");
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            dataProtection.PersistKeysToStretchingDatabase();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(storage.KeysDirectory));
        }

        services.AddSingleton<IEmailSender<ApplicationUser>, AccountEmailSender>();
        if (builder.Configuration.GetSection("Email:Smtp").Get<SmtpOptions>() is { Host.Length: > 0 } smtp)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, OutboxMailTransport>();
        }

        var permits = builder.Configuration.GetValue("RateLimits:Account:PermitLimit", 10);
        var window = TimeSpan.FromSeconds(builder.Configuration.GetValue("RateLimits:Account:WindowSeconds", 60));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsRateLimited(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{context.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = (int)Math.Ceiling((context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window).TotalSeconds);
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var detail = $"Too many attempts from here. Please wait {seconds} seconds before trying again.";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts", detail: detail).ExecuteAsync(http);
                    return;
                }
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Too many attempts</title><h1>Too many attempts</h1><p>{detail}</p><p><a href=\"/\">Back to Stretching</a></p></html>",
                    cancellationToken);
            };
        });
        return builder;
    }

    private static bool IsRateLimited(HttpRequest request) => IsRateLimited(request.Method, request.Path);

    /// <summary>Whether the account limit counts a request; the OpenAPI document lists 429 for these too.</summary>
    internal static bool IsRateLimited(string method, PathString path) =>
        HttpMethods.IsPost(method) && RateLimitedPaths.Any(limited => path.Equals(limited, StringComparison.OrdinalIgnoreCase));

    private static Task ApiOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(redirectUri);
            return Task.CompletedTask;
        }
        return Results.Problem(
                statusCode: status,
                title: status == StatusCodes.Status401Unauthorized ? "Sign in first" : "Not allowed",
                detail: status == StatusCodes.Status401Unauthorized
                    ? "This needs a signed-in account: a sign-in cookie or a bearer token from /api/account/login."
                    : "This account may not do that.")
            .ExecuteAsync(context);
    }
}
