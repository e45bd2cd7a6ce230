using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Claims.GetClaimHistory;

/// <summary>
/// A claim's whole history, a page at a time, oldest first: who prepared it, every decision on every line (a changed
/// decision keeps the earlier one), and who submitted or cancelled it. The claim's view carries the first
/// <see cref="ClaimReads.HistoryInView"/> entries and the total, so nothing is cut off without saying so.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record GetClaimHistoryQuery(ClaimId ClaimId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<ClaimHistoryItem>>, IPagedRequest;

public sealed class GetClaimHistoryValidator : AbstractValidator<GetClaimHistoryQuery>
{
    public GetClaimHistoryValidator() => this.AddPagingRules();
}

public sealed class GetClaimHistoryHandler(ClaimReads reads, IAppDbContext db, IAuditTrail audit) : IQueryHandler<GetClaimHistoryQuery, Paged<ClaimHistoryItem>>
{
    public async ValueTask<Paged<ClaimHistoryItem>> Handle(GetClaimHistoryQuery query, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(query.ClaimId, cancellationToken);
        var page = await reads.HistoryAsync(claim, query.Page, query.PageSize, cancellationToken);
        audit.Record("claim.history-read", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()),
            $"History page {page.Page}: {page.Items.Count} of {page.Total} entries");
        await db.SaveChangesAsync(cancellationToken);
        return page;
    }
}
