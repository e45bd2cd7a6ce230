using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Users;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;

namespace CaseManager.Application.Reviews;

/// <summary>
/// Whose review it is, in SQL: a case review is its case's allocated worker's (a family case's lead professional's,
/// when one is named) and lives while the case is not
/// exited; a consent review, which has no case, is the recorder's and lives while the consent is given. Whether that
/// worker can still act on it is <see cref="ActionableAsync"/>.
/// </summary>
public static class ResponsibleReviews
{
    public static IQueryable<ResponsibleReview> Of(IAppDbContext db, IQueryable<Review> reviews) =>
        from r in reviews
        join c in db.Cases on r.CaseId equals (CaseId?)c.Id into cases
        from c in cases.DefaultIfEmpty()
        join k in db.Consents on r.ConsentId equals (ConsentId?)k.Id into consents
        from k in consents.DefaultIfEmpty()
        select new ResponsibleReview
        {
            Review = r,
            // A family case's review is its lead professional's, when one is named (FAM1).
            Responsible = c != null ? (c.HouseholdId != null && c.LeadProfessional != null ? c.LeadProfessional : c.AllocatedTo) : (Guid?)k!.RecordedBy,
            Live = c != null ? c.Status != CaseStatus.Exited : k != null && k.Status == ConsentStatus.Given,
        };

    /// <summary>
    /// The reviews whose responsible worker can still act on them, by one rule for both kinds: the worker is an
    /// active user of the review's owning agency with a case-working role (one a case may be allocated to,
    /// <see cref="OpenCaseHandler.WorkerRoles"/>). The user directory decides it in its query, one per owning agency.
    /// </summary>
    public static async Task<IReadOnlySet<ReviewId>> ActionableAsync(IUserDirectory users, IEnumerable<ResponsibleReview> reviews, CancellationToken cancellationToken)
    {
        var actionable = new HashSet<ReviewId>();
        foreach (var owned in reviews.Where(r => r.Responsible is not null).GroupBy(r => r.Review.OwnerAgency))
        {
            var responsible = owned.Select(r => r.Responsible!.Value).ToHashSet();
            var canAct = await users.ActiveUserIdsWithAnyRoleAsync(owned.Key, OpenCaseHandler.WorkerRoles, responsible, cancellationToken);
            actionable.UnionWith(owned.Where(r => canAct.Contains(r.Responsible!.Value)).Select(r => r.Review.Id));
        }

        return actionable;
    }
}

public sealed class ResponsibleReview
{
    public required Review Review { get; init; }

    /// <summary>The worker responsible: the case's allocated worker or the consent's recorder (none if unallocated).</summary>
    public Guid? Responsible { get; init; }

    /// <summary>False once the case is exited or the consent is no longer given.</summary>
    public bool Live { get; init; }
}
