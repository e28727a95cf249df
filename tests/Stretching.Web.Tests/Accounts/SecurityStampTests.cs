using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Accounts;

/// <summary>
/// A sign-in cookie is checked against the person's security stamp once it is older than Identity's
/// interval (30 minutes), and not before: the app tests the cookie's age itself before handing it to Identity.
/// </summary>
public sealed class SecurityStampTests(SecurityStampTests.ClockedApp app) : IClassFixture<SecurityStampTests.ClockedApp>
{
    [Fact]
    public async Task ACookieWhoseStampChangedIsRefusedOnceItIsDueForACheckAndAnotherPersonsStaysSignedIn()
    {
        var annEmail = $"ann-{Guid.NewGuid():N}@example.test";
        var ann = await People.SignedInAsync(app, annEmail);
        var bob = await People.SignedInAsync(app);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(annEmail))!);
        }

        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync("/api/me/profile")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ann.GetAsync("/api/me/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/me/profile")).StatusCode);
        // Bob's cookie was checked and renewed: it is not refused at the next request either.
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/me/profile")).StatusCode);
    }

    /// <summary>The app with the clock Identity's stamp check reads set apart, so a test can move it on.</summary>
    public sealed class ClockedApp : StretchingAppFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Identity's post-configuration sets a clock only where none is set, so this one stays.
            builder.ConfigureServices(services => services.Configure<SecurityStampValidatorOptions>(options => options.TimeProvider = Clock));
        }
    }
}
