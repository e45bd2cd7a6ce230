using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reviews.RecordReviewNotifications;

/// <summary>
/// The first step of the daily <c>review-reminders</c> job, run as the system actor: for every open review that is
/// due or overdue today, records a reminder or overdue notice for the allocated worker and, while it is overdue, one
/// escalation per period for each manager of the owning agency; then one digest row per recipient for today.
/// Every row is inserted only if its unique key is absent, so any number of runs, one after another or at the same
/// moment, leaves the same rows. The whole step is one transaction: a run killed half way leaves nothing.
/// It reads reviews page by page (keyed on due date, then id), never every case at once. It reads only ids, dates
/// and codes of the reviews and cases: no person's details (ADR 0014).
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

            var page = await query
                .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
                .Take(settings.JobPageSize)
                .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { Review = r, c.AllocatedTo, c.Status })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            read += page.Count;
            lastDue = page[^1].Review.DueOn;
            lastId = page[^1].Review.Id;

            var allocated = page.Where(p => p.AllocatedTo is not null).Select(p => p.AllocatedTo!.Value).ToHashSet();
            var active = await users.ActiveAmongAsync(allocated, cancellationToken);
            var notices = new List<Notification>();
            foreach (var item in page.Where(p => p.Status != CaseStatus.Exited))
            {
                var review = item.Review;
                var state = ReviewSchedule.StateOn(review.DueOn, today, settings.ReminderWindowDays);
                var kind = state == ReviewState.Overdue ? NotificationKind.ReviewOverdue : NotificationKind.ReviewDue;
                var agencyManagers = await ManagersAsync(review.OwnerAgency);

                // A review nobody active is allocated to is its agency's managers' to see to.
                var workers = item.AllocatedTo is { } worker && active.Contains(worker) ? [worker] : agencyManagers;
                notices.AddRange(workers.Select(w => Notification.Raise(w, kind, review, dayKey, today, now)));

                if (ReviewSchedule.EscalationPeriod(review.DueOn, today, settings.EscalationRepeatDays) is { } period)
                {
                    var periodKey = $"P{period}";
                    notices.AddRange(agencyManagers.Select(m => Notification.Raise(m, NotificationKind.Escalation, review, periodKey, today, now)));
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
