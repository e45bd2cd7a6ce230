using System.Globalization;
using System.Text;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Email;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Notifications.SendNotificationDigest;

/// <summary>
/// Sends one user's digest for one day: a single email listing that day's notifications. The digest is claimed
/// (marked sent) with an atomic update before the email goes, in the same transaction: a racing run finds it claimed
/// and sends nothing; if the email fails, the transaction rolls back and the digest stays unsent for the retry.
/// The only window for a second email is a crash after the mail server took the message and before the commit.
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record SendNotificationDigestCommand(Guid DigestId) : ICommand<bool>;

public sealed class SendNotificationDigestHandler(
    IAppDbContext db,
    INotificationStore store,
    IUserDirectory users,
    IEmailSender email,
    IServiceLinks links,
    IAuditTrail audit,
    PartnershipClock clock) : ICommandHandler<SendNotificationDigestCommand, bool>
{
    private const int MaxLines = 200;

    public async ValueTask<bool> Handle(SendNotificationDigestCommand command, CancellationToken cancellationToken)
    {
        if (!await store.ClaimDigestAsync(command.DigestId, clock.Now, cancellationToken))
        {
            return false;
        }

        var digest = await db.NotificationDigests.AsNoTracking().SingleAsync(d => d.Id == command.DigestId, cancellationToken);
        var subject = new AuditSubject("NotificationDigest", digest.Id.ToString());
        var account = await users.FindAsync(digest.UserId, cancellationToken);
        if (account is null || account.IsDisabled || string.IsNullOrEmpty(account.Email))
        {
            audit.Record("notification.digest", AuditOutcome.Refused, AccessRule.System, subject, "No active account to send to");
            return false;
        }

        var items = db.Notifications.AsNoTracking()
            .Where(n => n.UserId == digest.UserId && n.Day == digest.Day)
            .OrderBy(n => n.Kind).ThenBy(n => n.DueOn).ThenBy(n => n.Id);
        var total = await items.CountAsync(cancellationToken);
        var lines = await items.Take(MaxLines).ToListAsync(cancellationToken);

        var day = digest.Day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Your CaseManager notifications for {day}: {total}.")
            .AppendLine();
        foreach (var n in lines)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- {NotificationText.Describe(n.Kind, n.ReviewKind, n.Scheme, n.OwnerAgency.Value, n.DueOn)} ({NotificationText.Subject(n.CaseId?.Value, n.ConsentId?.Value)})");
        }

        if (total > lines.Count)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- and {total - lines.Count} more.");
        }

        body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"See them all and mark them read at {links.Notifications()}");
        await email.SendAsync(new EmailMessage(account.Email, $"CaseManager: {total} notification{(total == 1 ? "" : "s")} for {day}", body.ToString(), digest.Id), cancellationToken);
        audit.Record("notification.digest", AuditOutcome.Allowed, AccessRule.System, subject, $"{total} notifications for {digest.Day:yyyy-MM-dd}");
        return true;
    }
}
