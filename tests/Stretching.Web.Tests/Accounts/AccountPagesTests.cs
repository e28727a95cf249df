using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Accounts;

/// <summary>
/// The account pages answer every address a person can reach, however they got there (an old tab, a
/// link cut short by a mail program, a page that does not apply to their account), with a page or a
/// redirect that says what to do next: never an error page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccountPagesTests(StretchingAppFactory app)
{
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.ClientOptions.BaseAddress,
    });

    /// <summary>Follows one redirect and returns where it led, with the page found there.</summary>
    private static async Task<(string Path, IDocument Page)> FollowAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('/');
        var (response, page) = await HtmlPage.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (path, page);
    }

    private static string StatusIn(IDocument page) => page.QuerySelector(".status-message")?.TextContent.Trim() ?? "";

    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task ACodePageWithoutASignInUnderWaySendsThePersonToSignInFirst(string address)
    {
        var client = Browser();

        var (path, login) = await FollowAsync(client, await client.GetAsync(address));

        Assert.StartsWith("/Account/Login", path);
        Assert.Contains("sign in with your email and password first", StatusIn(login));
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa", "login-with-2fa", "Input.TwoFactorCode")]
    [InlineData("/Account/LoginWithRecoveryCode", "login-with-recovery-code", "Input.RecoveryCode")]
    public async Task ACodeSentWithoutASignInUnderWayIsNotAnError(string address, string form, string field)
    {
        var client = Browser();
        var (_, login) = await HtmlPage.GetAsync(client, "/Account/Login");
        var token = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync(address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form, ["__RequestVerificationToken"] = token, [field] = "123456",
        }));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Contains("Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WithTwoStepSignInOnThePasswordLeadsToTheCodePageAndItsManagePagesOpen()
    {
        var email = $"two-step-{Guid.NewGuid():N}@example.test";
        var client = Browser();
        await People.RegisterAndConfirmAsync(app, client, email);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        }

        var (_, login) = await HtmlPage.GetAsync(client, "/Account/Login");
        var signIn = await HtmlForm.SubmitNamedAsync(client, "/Account/Login", login, "login",
            new Dictionary<string, string[]> { ["Input.Email"] = [email], ["Input.Password"] = [People.Password] });
        var (path, codePage) = await FollowAsync(client, signIn);

        Assert.StartsWith("/Account/LoginWith2fa", path);
        Assert.NotNull(codePage.QuerySelector("input[name='Input.TwoFactorCode']"));
        var (recoveryResponse, _) = await HtmlPage.GetAsync(client, "/Account/LoginWithRecoveryCode");
        Assert.Equal(HttpStatusCode.OK, recoveryResponse.StatusCode);

        var (_, codeForm) = await HtmlPage.GetAsync(client, "/Account/LoginWithRecoveryCode");
        var wrong = await HtmlForm.SubmitNamedAsync(client, "/Account/LoginWithRecoveryCode", codeForm, "login-with-recovery-code",
            new Dictionary<string, string[]> { ["Input.RecoveryCode"] = ["not-a-code"] });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("did not work", StatusIn(await HtmlPage.ParseAsync(await wrong.Content.ReadAsStringAsync())));
    }

    [Theory]
    [InlineData("/Account/Manage/GenerateRecoveryCodes", "Recovery codes come with two-step sign-in, which is off")]
    [InlineData("/Account/Manage/Disable2fa", "Two-step sign-in is already off")]
    public async Task TwoStepPagesForAnAccountWithoutItLeadBackToTwoStepSignIn(string address, string message)
    {
        var person = await People.SignedInAsync(app);

        var (path, page) = await FollowAsync(person, await person.GetAsync(address));

        Assert.Equal("/Account/Manage/TwoFactorAuthentication", path);
        Assert.Contains(message, StatusIn(page));
        Assert.Contains("is off", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AskingForRecoveryCodesWithoutTwoStepSignInMakesNone()
    {
        var email = $"no-codes-{Guid.NewGuid():N}@example.test";
        var person = await People.SignedInAsync(app, email);
        var (_, page) = await HtmlPage.GetAsync(person, "/Account/Manage/TwoFactorAuthentication");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await person.PostAsync("/Account/Manage/GenerateRecoveryCodes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "generate-recovery-codes", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Manage/TwoFactorAuthentication", response.Headers.Location!.OriginalString);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(0, await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!));
    }

    [Theory]
    [InlineData("/Account/ResetPassword?code=x")]
    [InlineData("/Account/ResetPassword?code=%25")]
    [InlineData("/Account/ResetPassword")]
    public async Task APasswordLinkCutShortSaysItDoesNotWork(string address)
    {
        var client = Browser();

        var (path, page) = await FollowAsync(client, await client.GetAsync(address));

        Assert.Equal("/Account/InvalidPasswordReset", path);
        Assert.Contains("does not work", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='Account/ForgotPassword']"));
    }

    [Fact]
    public async Task APasswordLinkWithAWrongCodeSaysItDoesNotWorkWhenUsed()
    {
        var email = $"reset-{Guid.NewGuid():N}@example.test";
        var client = Browser();
        await People.RegisterAndConfirmAsync(app, client, email);
        var wrongCode = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("not the token the app made"));
        var address = $"/Account/ResetPassword?code={wrongCode}";
        var (opened, form) = await HtmlPage.GetAsync(client, address);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        var response = await HtmlForm.SubmitNamedAsync(client, address, form, "reset-password", new Dictionary<string, string[]>
        {
            ["Input.Email"] = [email], ["Input.Password"] = ["New-Stretch-2026!"], ["Input.ConfirmPassword"] = ["New-Stretch-2026!"],
        });

        var (path, _) = await FollowAsync(client, response);
        Assert.Equal("/Account/InvalidPasswordReset", path);
    }

    [Fact]
    public async Task AnEmailConfirmationLinkWithABadCodeOrAnUnknownAccountSaysItDoesNotWork()
    {
        var email = $"confirm-{Guid.NewGuid():N}@example.test";
        var client = Browser();
        await People.RegisterAndConfirmAsync(app, client, email);
        string userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        }

        // An unknown account reads like a bad code, so the page cannot be used to find out which accounts exist.
        foreach (var address in new[]
                 {
                     $"/Account/ConfirmEmail?userId={userId}&code=x",
                     $"/Account/ConfirmEmail?userId={userId}&code=bm90LWEtdG9rZW4",
                     "/Account/ConfirmEmail?userId=nobody&code=x",
                     $"/Account/ConfirmEmailChange?userId={userId}&email=new%40example.test&code=x",
                     $"/Account/ConfirmEmailChange?userId={userId}&email=new%40example.test&code=bm90LWEtdG9rZW4",
                     "/Account/ConfirmEmailChange?userId=nobody&email=new%40example.test&code=x",
                 })
        {
            var (response, page) = await HtmlPage.GetAsync(client, address);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{address} answered {(int)response.StatusCode}");
            Assert.Contains("does not work", page.QuerySelector("h1")!.TextContent);
        }

        var (incomplete, _) = await HtmlPage.GetAsync(client, $"/Account/ConfirmEmailChange?userId={userId}");
        var (path, login) = await FollowAsync(client, incomplete);
        Assert.StartsWith("/Account/Login", path);
        Assert.Contains("incomplete", StatusIn(login));
    }

    [Fact]
    public async Task TheServiceCallbackWithoutASignInFromThatServiceLeadsBackToSignIn()
    {
        var client = Browser();

        foreach (var address in new[] { "/Account/ExternalLogin", "/Account/ExternalLogin?Action=LoginCallback", "/Account/ExternalLogin?RemoteError=access_denied" })
        {
            var (path, _) = await FollowAsync(client, await client.GetAsync(address));
            Assert.StartsWith("/Account/Login", path);
        }
    }

    [Fact]
    public async Task TheSignInPageOffersNoOtherServicesWhenNoneIsSetUpAndTheAppsOwnSchemeIsNeverOne()
    {
        var client = Browser();

        var (_, login) = await HtmlPage.GetAsync(client, "/Account/Login");
        var (_, register) = await HtmlPage.GetAsync(client, "/Account/Register");

        foreach (var page in new[] { login, register })
        {
            Assert.Null(page.QuerySelector("form[action='Account/PerformExternalLogin']"));
            Assert.DoesNotContain("bearer", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("another service", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("local account", login.Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        var token = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var challenge = await client.PostAsync("/Account/PerformExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["provider"] = "CookieOrBearer", ["ReturnUrl"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/Account/Login", challenge.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheAccountPagesHaveOneHeadingAndTheirOwnMenu()
    {
        var person = await People.SignedInAsync(app);

        var (_, page) = await HtmlPage.GetAsync(person, "/Account/Manage");

        Assert.Equal("Your account", Assert.Single(page.QuerySelectorAll("main h1")).TextContent.Trim());
        Assert.DoesNotContain("Change your account settings", page.Body!.TextContent);
        Assert.Equal("page", page.QuerySelector("nav[aria-label=Account] a.active")?.GetAttribute("aria-current"));
        Assert.Null(page.QuerySelector("nav[aria-label=Account] a[href='Account/Manage/ExternalLogins']"));
    }
}
