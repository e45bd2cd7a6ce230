using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reviews.RecordReviewNotifications;

/// <summary>
/// The recording step of the daily <c>review-reminders</c> job, run as the system actor: for every open review that
/// is due or overdue today, of a case or of a consent, records a reminder or overdue notice for the worker
/// responsible (<see cref="ReviewRecipients"/>: the allocated worker or the consent's recorder while still an active
/// caseworker or manager of the owning agency, <see cref="ResponsibleReviews.ActionableAsync"/>; otherwise the
/// managers) and, while it is overdue, one escalation per period for each manager of the owning agency; then one
/// digest row per recipient for today.
/// Every row is inserted only if its unique key is absent, so any number of runs, one after another or at the same
/// moment, leaves the same rows. The whole step is one transaction: a run killed half way leaves nothing.
/// It reads reviews page by page (keyed on due date, then id), never every case at once. It reads only ids, dates,
/// codes and statuses of the reviews, cases and consents: no person's details (ADR 0014).
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record RecordReviewNotificationsCommand : ICommand<ReviewNotificationRun>;

public sealed record ReviewNotificationRun(DateOnly Day, int ReviewsRead, int NotificationsAdded, int DigestsAdded);

public sealed class RecordReviewNotificationsHandler(
    IAppDbContext db,
    INotificationStore store,
    IUserDirectory users,
    IAuditTrail audit,
    PartnershipClock clock,
    IOptions<ReviewOptions> options) : ICommandHandler<RecordReviewNotificationsCommand, ReviewNotificationRun>
{
    public async ValueTask<ReviewNotificationRun> Handle(RecordReviewNotificationsCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = clock.Today;
        var now = clock.Now;
        var dayKey = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var horizon = today.AddDays(settings.ReminderWindowDays);
        var managers = new Dictionary<AgencyCode, IReadOnlyList<Guid>>();
        var recipients = new HashSet<Guid>();
        int read = 0, added = 0;
        DateOnly? lastDue = null;
        var lastId = default(ReviewId);

        while (true)
        {
            var query = db.Reviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Open && r.DueOn <= horizon);
            if (lastDue is { } due)
            {
                var id = lastId;
                query = query.Where(r => r.DueOn > due || (r.DueOn == due && r.Id.CompareTo(id) > 0));
            }

            // Reviews whose case is exited or whose consent is no longer given are dropped (ResponsibleReviews.Live).
            var limited = query.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(settings.JobPageSize);
            var page = await ResponsibleReviews.Of(db, limited)
                .OrderBy(p => p.Review.DueOn).ThenBy(p => p.Review.Id)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            read += page.Count;
            lastDue = page[^1].Review.DueOn;
            lastId = page[^1].Review.Id;

            var live = page.Where(p => p.Live).ToList();
            var actionable = await ResponsibleReviews.ActionableAsync(users, live, cancellationToken);
            var notices = new List<Notification>();
            foreach (var item in live)
            {
                var review = item.Review;
                var state = ReviewSchedule.StateOn(review.DueOn, today, settings.ReminderWindowDays);
                var kind = state == ReviewState.Overdue ? NotificationKind.ReviewOverdue : NotificationKind.ReviewDue;
                var agencyManagers = await ManagersAsync(review.OwnerAgency);

                // The recipient rule (ReviewRecipients): the worker responsible while they can act on it, else the managers.
                var workers = ReviewRecipients.ForReminder(item.Responsible, actionable.Contains(review.Id), agencyManagers);
                notices.AddRange(workers.Select(w => Notification.Raise(w, kind, review, dayKey, today, now)));

                if (ReviewSchedule.EscalationPeriod(review.DueOn, today, settings.EscalationRepeatDays) is { } period)
                {
                    var periodKey = $"P{period}";
                    notices.AddRange(ReviewRecipients.ForEscalation(agencyManagers).Select(m => Notification.Raise(m, NotificationKind.Escalation, review, periodKey, today, now)));
                }
            }

            added += await store.AddIfAbsentAsync(notices, cancellationToken);
            recipients.UnionWith(notices.Select(n => n.UserId));
        }

        // Anyone with a notice today gets today's digest, also when this run found their notices already stored:
        // a run killed after recording them must still leave the digest to send.
        var digests = recipients.Order().Select(u => NotificationDigest.For(u, today, now)).ToList();
        var digestsAdded = await store.AddIfAbsentAsync(digests, cancellationToken);
        audit.Record("review.reminders", AuditOutcome.Allowed, AccessRule.System, new AuditSubject("ReviewReminders", dayKey),
            $"{read} reviews due or overdue, {added} new notices, {digestsAdded} new digests");
        return new ReviewNotificationRun(today, read, added, digestsAdded);

        async Task<IReadOnlyList<Guid>> ManagersAsync(AgencyCode agency)
        {
            if (!managers.TryGetValue(agency, out var ids))
            {
                ids = await users.ActiveUserIdsAsync(agency, Role.Manager, cancellationToken);
                managers[agency] = ids;
            }

            return ids;
        }
    }
}
