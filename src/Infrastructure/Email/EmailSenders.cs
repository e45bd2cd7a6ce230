using CaseManager.Application.Common.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseManager.Infrastructure.Email;

internal static class MimeMessages
{
    public static MimeMessage From(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }
}

/// <summary>Writes each message as an .eml file: the Development default, and a real part in tests.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var mime = MimeMessages.From(message, options.Value);
        await mime.WriteToAsync(Path.Combine(directory, name), cancellationToken);
    }
}

/// <summary>Sends over SMTP with MailKit.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var host = settings.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set.");
        using var client = new SmtpClient();
        await client.ConnectAsync(
            host,
            settings.SmtpPort,
            settings.SmtpUseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None,
            cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MimeMessages.From(message, settings), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

public sealed class ServiceLinks(IOptions<EmailOptions> options) : IServiceLinks
{
    public Uri SetPassword(Guid userId, string token) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/account/set-password?userId={userId}&token={Uri.EscapeDataString(token)}");

    public Uri Notifications() => new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/notifications");
}
