using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using FluentValidation;
using CaseManager.Application.Users;
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

public sealed class ListBreakGlassGrantsHandler(IAppDbContext db, PartnershipClock clock, IUserDirectory users) : IQueryHandler<ListBreakGlassGrantsQuery, Paged<BreakGlassView>>
{
    public async ValueTask<Paged<BreakGlassView>> Handle(ListBreakGlassGrantsQuery query, CancellationToken cancellationToken)
    {
        var grants = db.BreakGlassGrants.AsNoTracking();
        if (query.AwaitingReviewOnly)
        {
            grants = grants.Where(g => g.ReviewedAt == null);
        }

        var page = await grants.OrderBy(g => g.ReviewedAt != null).ThenByDescending(g => g.ExpiresAtUtc).ToPagedAsync(query, cancellationToken);

        // Who broke glass and on whom, by name: the reviewer judges the use, so needs to know both (ADR 0011).
        var userNames = await users.DisplayNamesAsync(page.Items.Select(g => g.UserId).Distinct().ToList(), cancellationToken);
        var personIds = page.Items.Select(g => g.PersonId).Distinct().ToList();
        var personNames = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);
        return new Paged<BreakGlassView>(
            page.Items.Select(g => BreakGlassView.From(g, clock.Now) with
            {
                UserName = userNames.GetValueOrDefault(g.UserId),
                PersonName = personNames.GetValueOrDefault(g.PersonId),
            }).ToList(),
            page.Page,
            page.PageSize,
            page.Total);
    }
}
