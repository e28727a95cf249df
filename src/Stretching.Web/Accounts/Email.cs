using System.Net;
using System.Net.Mail;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Stretching.Web.Data;

namespace Stretching.Web.Accounts;

/// <summary>An email ready to go: who to, the subject, and the same message as plain text and HTML.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Text, string Html);

/// <summary>Where emails go: a folder and the log by default, an SMTP server when one is configured.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>
/// The account emails Identity asks for, worded for people. There is one sender; where its messages
/// go is the transport's business.
/// </summary>
public sealed class AccountEmailSender(IMailTransport transport) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        transport.SendAsync(Compose(email, "Confirm your Stretching account",
            "Welcome to Stretching. Confirm your email address to finish creating your account:", confirmationLink, "Confirm my account"));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        transport.SendAsync(Compose(email, "Reset your Stretching password",
            "Someone asked to reset the password of your Stretching account. If it was you, choose a new one here:", resetLink, "Choose a new password"));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        transport.SendAsync(new OutgoingEmail(email, "Your Stretching password reset code",
            $"Your password reset code is {resetCode}. If you did not ask for it, you can ignore this message.",
            $"<p>Your password reset code is <strong>{HtmlEncoder.Default.Encode(resetCode)}</strong>.</p><p>If you did not ask for it, you can ignore this message.</p>"));

    /// <remarks>Identity hands the link over already HTML-encoded (its template puts it straight into an href).</remarks>
    private static OutgoingEmail Compose(string to, string subject, string intro, string encodedLink, string action)
    {
        var link = WebUtility.HtmlDecode(encodedLink);
        return new OutgoingEmail(to, subject,
            $"{intro}\n\n{link}\n\nIf you did not ask for this, you can ignore this message.",
            $"<p>{HtmlEncoder.Default.Encode(intro)}</p><p><a href=\"{encodedLink}\">{HtmlEncoder.Default.Encode(action)}</a></p><p>If you did not ask for this, you can ignore this message.</p>");
    }
}

/// <summary>
/// The default when no SMTP server is configured: each message is written to the log and as a file in
/// the outbox folder, so a person running the app on their own machine can open the link.
/// </summary>
public sealed class OutboxMailTransport(StorageOptions storage, TimeProvider clock, ILogger<OutboxMailTransport> logger) : IMailTransport
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(storage.OutboxDirectory);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff");
        var safeTo = string.Concat(email.To.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_'));
        var path = Path.Combine(storage.OutboxDirectory, $"{stamp}-{safeTo}.txt");
        await File.WriteAllTextAsync(path, $"To: {email.To}\nSubject: {email.Subject}\n\n{email.Text}\n", cancellationToken);
        logger.LogInformation("Email to {To}: {Subject} (no SMTP server configured; written to {Path})\n{Text}", email.To, email.Subject, path, email.Text);
    }
}

public sealed class SmtpOptions
{
    public required string Host { get; init; }
    public int Port { get; init; } = 587;
    public bool EnableSsl { get; init; } = true;
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public required string From { get; init; }
}

/// <summary>Sends through the SMTP server configured under Email:Smtp.</summary>
/// <summary>
/// Sends through the configured SMTP server. A server that cannot be reached is logged, not thrown:
/// the account action (registering, asking for a reset) has happened, and the person can ask again.
/// </summary>
public sealed class SmtpMailTransport(SmtpOptions options, ILogger<SmtpMailTransport> logger) : IMailTransport
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        using var message = new MailMessage(options.From, email.To, email.Subject, email.Text);
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.Html, null, "text/html"));
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl };
        if (options.UserName is not null)
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }
        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is SmtpException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            logger.LogError(exception, "Email to {To} ({Subject}) could not be sent through {Host}:{Port}", email.To, email.Subject, options.Host, options.Port);
        }
    }
}
