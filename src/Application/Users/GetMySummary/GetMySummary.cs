using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Notifications.CountUnreadNotifications;
using CaseManager.Application.Reviews;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Users.GetMySummary;

/// <summary>
/// "What do I do today?": the caller's caseload, their reviews due and overdue, the exit nominations waiting for
/// their decision, their family plan actions due and their unread notifications. Each number is counted by the rule of the list it links to
/// (the caseload's <see cref="IRecordAccess.CountCaseloadAsync"/>, <see cref="ReviewLists"/>, the exit queue, the
/// notifications' <see cref="CountUnreadNotificationsHandler.UnreadOf"/>), so a number always matches its list.
/// A user who does not read case data (an administrator) gets zeros with <see cref="MySummary.ReadsCaseData"/> false.
/// </summary>
[AnyAuthenticatedUser]
public sealed record GetMySummaryQuery : IQuery<MySummary>;

public sealed record MySummary(
    bool ReadsCaseData,
    int Caseload,
    int ReviewsDue,
    int ReviewsOverdue,
    int ExitNominationsWaiting,
    int PlanActionsDue,
    int UnreadNotifications);

public sealed class GetMySummaryHandler(
    IAppDbContext db,
    IRecordAccess access,
    ICurrentUser currentUser,
    PartnershipClock clock,
    IOptions<ReviewOptions> options) : IQueryHandler<GetMySummaryQuery, MySummary>
{
    private static readonly CaseStatus[] OpenStatuses = [CaseStatus.Active, CaseStatus.ExitNominated];

    public async ValueTask<MySummary> Handle(GetMySummaryQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var me = actor.RequireUserId();
        var unread = await CountUnreadNotificationsHandler.UnreadOf(db, me).CountAsync(cancellationToken);
        if (!Policies.Allows(Policies.ReadCaseData, actor))
        {
            return new MySummary(false, 0, 0, 0, 0, 0, unread);
        }

        var caseload = await access.CountCaseloadAsync(null, OpenStatuses, cancellationToken);
        var today = clock.Today;
        var window = options.Value.ReminderWindowDays;
        var due = await ReviewLists.Rows(db, access, actor, today, window, allocatedToMe: true, ReviewState.Due, owner: null).CountAsync(cancellationToken);
        var overdue = await ReviewLists.Rows(db, access, actor, today, window, allocatedToMe: true, ReviewState.Overdue, owner: null).CountAsync(cancellationToken);
        var exits = Policies.Allows(Policies.ManageCases, actor) ? await ExitNominationsWaitingAsync(actor, me, cancellationToken) : 0;
        return new MySummary(true, caseload, due, overdue, exits, await PlanActionsDueAsync(actor, me, today.AddDays(window), cancellationToken), unread);
    }

    /// <summary>
    /// The manager's exit queue (<c>/cases/exits</c>: their agency's nominated cases, through the access rule), less
    /// the nominations they made themselves, which another manager must decide (four eyes).
    /// </summary>
    private Task<int> ExitNominationsWaitingAsync(Actor actor, Guid me, CancellationToken cancellationToken)
    {
        var agency = actor.RequireAgency();
        return access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.OwnerAgency == agency && c.Status == CaseStatus.ExitNominated)
            .Where(c => c.ExitNominations.Any(n => n.Decision == null && n.NominatedBy != me))
            .CountAsync(cancellationToken);
    }

    /// <summary>
    /// Family plan actions due (DOMAIN.md FAM1): not done, due within the review reminder window or overdue, on open
    /// family cases the caller may read under the access rule, and theirs: assigned to them, or to their agency with
    /// nobody named. The plan page lists the same actions.
    /// </summary>
    private Task<int> PlanActionsDueAsync(Actor actor, Guid me, DateOnly dueBy, CancellationToken cancellationToken)
    {
        var agency = actor.RequireAgency();
        var cases = access.Readable(db.Cases.AsNoTracking()).Where(c => c.Status != CaseStatus.Exited);
        return db.FamilyPlanActions.AsNoTracking()
            .Where(a => a.CompletedOn == null && a.DueOn <= dueBy)
            .Where(a => a.AssignedTo == me || (a.AssignedTo == null && a.OwnerAgency == agency))
            .Where(a => cases.Any(c => c.Id == a.CaseId))
            .CountAsync(cancellationToken);
    }
}
