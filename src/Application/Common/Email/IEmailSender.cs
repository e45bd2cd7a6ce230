namespace CaseManager.Application.Common.Email;

/// <summary>Sends email: over SMTP when configured, otherwise into a pickup directory as .eml files.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Builds absolute links to the service's own pages for emails (the public base address is configured).</summary>
public interface IServiceLinks
{
    Uri SetPassword(Guid userId, string token);

    /// <summary>The user's notifications page.</summary>
    Uri Notifications();
}
