using System.Net;
using AngleSharp.Dom;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Security;

/// <summary>Every form POST needs the antiforgery token its page rendered: sign-in, sign-out, the account pages.</summary>
[Collection(AppCollection.Name)]
public sealed class AntiforgeryTests(StretchingAppFactory app)
{
    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static string TokenIn(IDocument page, string formSelector) =>
        page.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"no antiforgery token in {formSelector}");

    [Fact]
    public async Task SigningInWithoutTheFormsTokenIsRefused()
    {
        var client = app.CreatePlainClient();

        var response = await client.PostAsync("/Account/Login", Form(("_handler", "login"), ("Input.Email", "a@b.test"), ("Input.Password", "x")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EveryFormOnTheAccountPagesCarriesAToken()
    {
        var client = await People.SignedInAsync(app);
        foreach (var url in new[] { "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/Passkeys",
                     "/Account/Manage/PersonalData", "/Account/Manage/DeletePersonalData", "/Account/Manage/TwoFactorAuthentication" })
        {
            var (response, page) = await HtmlPage.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var form in page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"{url}: a form posting to '{form.GetAttribute("action")}' has no antiforgery token");
            }
        }
    }

    [Fact]
    public async Task SigningOutNeedsTheTokenOfTheAccountPagesForm()
    {
        var client = await People.SignedInAsync(app);

        var forged = await client.PostAsync("/Account/Logout", Form(("ReturnUrl", "")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("Something went wrong", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/manage/info")).StatusCode);

        var (_, page) = await HtmlPage.GetAsync(client, "/Account/Manage");
        var signedOut = await client.PostAsync("/Account/Logout", Form(("__RequestVerificationToken", TokenIn(page, "form[action='Account/Logout']")), ("ReturnUrl", "")));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/manage/info")).StatusCode);
    }

    /// <summary>The template's download endpoint binds no form field, so it checks the token itself.</summary>
    [Fact]
    public async Task DownloadingPersonalDataNeedsThePagesToken()
    {
        var client = await People.SignedInAsync(app);

        var forged = await client.PostAsync("/Account/Manage/DownloadPersonalData", Form());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("AntiforgeryValidationException", await forged.Content.ReadAsStringAsync());

        var (_, page) = await HtmlPage.GetAsync(client, "/Account/Manage/PersonalData");
        var download = await client.PostAsync("/Account/Manage/DownloadPersonalData",
            Form(("__RequestVerificationToken", TokenIn(page, "form[action='Account/Manage/DownloadPersonalData']"))));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
    }
}
