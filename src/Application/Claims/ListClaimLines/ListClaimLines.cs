using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims.ListClaimLines;

/// <summary>
/// A claim's lines, optionally of one status, in the order they were proposed. Each line names a family case, so the
/// read is audited, like the Troubled Families list: one entry for the page read.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record ListClaimLinesQuery(ClaimId ClaimId, ClaimLineStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<ClaimLineItem>>, IPagedRequest;

public sealed class ListClaimLinesValidator : AbstractValidator<ListClaimLinesQuery>
{
    public ListClaimLinesValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Status).IsInEnum();
    }
}

public sealed class ListClaimLinesHandler(ClaimReads reads, IAppDbContext db, IAuditTrail audit) : IQueryHandler<ListClaimLinesQuery, Paged<ClaimLineItem>>
{
    public async ValueTask<Paged<ClaimLineItem>> Handle(ListClaimLinesQuery query, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(query.ClaimId, cancellationToken);
        var lines = db.ClaimLines.AsNoTracking().Where(l => l.ClaimId == claim.Id);
        if (query.Status is { } status)
        {
            lines = lines.Where(l => l.Status == status);
        }

        var page = await lines.OrderBy(l => l.Id).ToPagedAsync(query, cancellationToken);
        audit.Record("claim.lines-read", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()),
            $"Page {page.Page}{(query.Status is { } only ? $" of the {only} lines" : string.Empty)}: {page.Items.Count} lines of {page.Total}");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<ClaimLineItem>([.. page.Items.Select(ClaimReads.Item)], page.Page, page.PageSize, page.Total);
    }
}
