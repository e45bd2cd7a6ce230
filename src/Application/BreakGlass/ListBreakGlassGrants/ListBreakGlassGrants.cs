using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.BreakGlass.ListBreakGlassGrants;

/// <summary>Break-glass uses for the information governance lead, those awaiting review first.</summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record ListBreakGlassGrantsQuery(bool AwaitingReviewOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<BreakGlassView>>, IPagedRequest;

public sealed class ListBreakGlassGrantsValidator : AbstractValidator<ListBreakGlassGrantsQuery>
{
    public ListBreakGlassGrantsValidator() => this.AddPagingRules();
}

public sealed class ListBreakGlassGrantsHandler(IAppDbContext db, PartnershipClock clock) : IQueryHandler<ListBreakGlassGrantsQuery, Paged<BreakGlassView>>
{
    public async ValueTask<Paged<BreakGlassView>> Handle(ListBreakGlassGrantsQuery query, CancellationToken cancellationToken)
    {
        var grants = db.BreakGlassGrants.AsNoTracking();
        if (query.AwaitingReviewOnly)
        {
            grants = grants.Where(g => g.ReviewedAt == null);
        }

        var page = await grants.OrderBy(g => g.ReviewedAt != null).ThenByDescending(g => g.ExpiresAtUtc).ToPagedAsync(query, cancellationToken);
        return new Paged<BreakGlassView>(page.Items.Select(g => BreakGlassView.From(g, clock.Now)).ToList(), page.Page, page.PageSize, page.Total);
    }
}
