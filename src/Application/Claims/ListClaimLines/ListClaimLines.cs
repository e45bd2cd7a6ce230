using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims.ListClaimLines;

/// <summary>A claim's lines, optionally of one status, in the order they were proposed.</summary>
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

public sealed class ListClaimLinesHandler(ClaimReads reads, IAppDbContext db) : IQueryHandler<ListClaimLinesQuery, Paged<ClaimLineItem>>
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
        return new Paged<ClaimLineItem>([.. page.Items.Select(ClaimReads.Item)], page.Page, page.PageSize, page.Total);
    }
}
