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
        if (message.MessageId is { } id)
        {
            mime.MessageId = $"{id:N}@{mime.From.Mailboxes.First().Domain}";
        }

        return mime;
    }
}

/// <summary>
/// Writes each message as an .eml file: the Development default, and a real part in tests. The file is written under
/// a temporary name and renamed when complete, so a process killed while writing leaves no partial .eml for a pickup
/// service to send. A message with a stable id (a digest) is named after it: a retry replaces the file, never adds one.
/// </summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var name = message.MessageId is { } id ? $"{id:N}.eml" : $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var mime = MimeMessages.From(message, options.Value);
        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await mime.WriteToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            // A rename within one folder is atomic: readers see no file or the whole message.
            File.Move(temporary, Path.Combine(directory, name), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
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
