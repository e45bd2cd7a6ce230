using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;

namespace CaseManager.Application.Reviews;

/// <summary>
/// Whose review it is, in SQL: a case review is its case's allocated worker's and lives while the case is not
/// exited; a consent review, which has no case, is the recorder's and lives while the consent is given.
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
            Responsible = c != null ? c.AllocatedTo : (Guid?)k!.RecordedBy,
            Live = c != null ? c.Status != CaseStatus.Exited : k != null && k.Status == ConsentStatus.Given,
        };
}

public sealed class ResponsibleReview
{
    public required Review Review { get; init; }

    /// <summary>The worker responsible: the case's allocated worker or the consent's recorder (none if unallocated).</summary>
    public Guid? Responsible { get; init; }

    /// <summary>False once the case is exited or the consent is no longer given.</summary>
    public bool Live { get; init; }
}
