using System.Net;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Stretching.Web.Tests.Accounts;

/// <summary>With Email:Smtp:* configured, account emails go to that SMTP server and nowhere else.</summary>
public sealed partial class SmtpEmailTests
{
    [Fact]
    public async Task TheConfirmationEmailIsSentThroughTheConfiguredSmtpServerAndItsLinkWorks()
    {
        await using var smtp = new SmtpSink();
        using var app = new StretchingAppFactory();
        using var configured = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", smtp.Port.ToString());
            builder.UseSetting("Email:Smtp:From", "Stretching <no-reply@stretching.test>");
            builder.UseSetting("Email:Smtp:EnableSsl", "false");
        });
        var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"smtp-{Guid.NewGuid():N}@example.test";

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/register", new { email, password = People.Password })).StatusCode);

        var (from, to, data) = await smtp.NextMessageAsync();
        Assert.Equal("<no-reply@stretching.test>", from);
        Assert.Equal([$"<{email}>"], to);
        Assert.Contains("Subject: Confirm your Stretching account", data);
        Assert.False(Directory.Exists(app.OutboxDirectory) && Directory.EnumerateFiles(app.OutboxDirectory).Any(), "nothing is written to the outbox");

        // The plain-text part is quoted-printable or base64; the link is read from the decoded message.
        var link = new Uri(Link().Match(Decoded(data)).Value).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = People.Password })).StatusCode);
    }

    [Fact]
    public async Task AnSmtpServerThatCannotBeReachedDoesNotFailTheRegistration()
    {
        int closedPort;
        await using (var gone = new SmtpSink()) closedPort = gone.Port;
        using var app = new StretchingAppFactory();
        using var configured = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", closedPort.ToString());
            builder.UseSetting("Email:Smtp:From", "no-reply@stretching.test");
            builder.UseSetting("Email:Smtp:EnableSsl", "false");
        });
        var client = configured.CreateClient();

        var register = await client.PostAsJsonAsync("/api/account/register", new { email = $"smtp-{Guid.NewGuid():N}@example.test", password = People.Password });

        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
    }

    private static string Decoded(string data)
    {
        var unfolded = data.Replace("=\r\n", "").Replace("=\n", "");
        var quotedPrintable = QuotedPrintableByte().Replace(unfolded, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
        var base64 = string.Concat(Base64Block().Matches(data).Select(m =>
        {
            try { return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Value.Replace("\r", "").Replace("\n", ""))); }
            catch (FormatException) { return ""; }
        }));
        return quotedPrintable + "\n" + base64;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedPrintableByte();

    [GeneratedRegex(@"(?m)^[A-Za-z0-9+/=]{20,}(\r?\n[A-Za-z0-9+/=]{4,})*")]
    private static partial Regex Base64Block();
}
