namespace CaseManager.Application.Common.Email;

/// <summary>Sends email: over SMTP when configured, otherwise into a pickup directory as .eml files.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// One email. <paramref name="MessageId"/> is a stable id of the message (a digest's id): a retry of the same message
/// carries the same id, so the pickup directory replaces its file instead of adding a second, and SMTP sends it as
/// the Message-ID, by which a mail server or client can recognise the duplicate.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, Guid? MessageId = null);

/// <summary>Builds absolute links to the service's own pages for emails (the public base address is configured).</summary>
public interface IServiceLinks
{
    Uri SetPassword(Guid userId, string token);

    /// <summary>The user's notifications page.</summary>
    Uri Notifications();
}
