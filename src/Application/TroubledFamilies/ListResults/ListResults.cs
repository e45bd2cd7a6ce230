using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.TroubledFamilies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.TroubledFamilies.ListResults;

/// <summary>
/// For every Troubled Families case the claims officer may read, which results are met as at a day (TF2 in phase 1,
/// TF4 in phase 2), each check with what was measured and what was needed, so near-misses show what is missing; and
/// whether each was claimed already (<see cref="IClaimedOutcomes"/>). One page of cases, a fixed number of queries.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record ListResultsQuery(int? Phase = null, DateOnly? AsOf = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<ResultsPage>, IPagedRequest;

public sealed record ResultsPage(int Phase, DateOnly AsOf, string Basis, IReadOnlyList<CaseResults> Items, int Page, int PageSize, int Total);

public sealed record CaseResults(Guid CaseId, Guid HouseholdId, DateOnly? AttachedOn, IReadOnlyList<ResultView> Results);

public sealed record ResultView([property: NamesOf(typeof(ResultKind))] string Kind, bool Met, bool AlreadyClaimed, IReadOnlyList<ResultCheck> Checks);

public sealed class ListResultsValidator : AbstractValidator<ListResultsQuery>
{
    public ListResultsValidator(PartnershipClock clock)
    {
        this.AddPagingRules();
        RuleFor(q => q.Phase).Must(p => p is null or 1 or 2).WithMessage("The phase is 1 or 2");
        RuleFor(q => q.AsOf).Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
    }
}

public sealed class ListResultsHandler(
    IAppDbContext db, IRecordAccess access, IFamilyFactsReader reader, IClaimedOutcomes claimed, IAuditTrail audit, PartnershipClock clock, IOptions<ResultsOptions> options)
    : IQueryHandler<ListResultsQuery, ResultsPage>
{
    public async ValueTask<ResultsPage> Handle(ListResultsQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? clock.Today;
        var phase = query.Phase ?? 1;
        var page = await access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.Scheme == Scheme.TroubledFamilies && c.HouseholdId != null && c.StartDate <= asOf)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => c.Id)
            .ToPagedAsync(query, cancellationToken);
        var facts = await reader.ReadAsync(page.Items, asOf, cancellationToken);
        var already = await claimed.ClaimedAsync(page.Items, phase, cancellationToken);
        var items = page.Items.Where(facts.ContainsKey).Select(id =>
        {
            var family = facts[id];
            return new CaseResults(id.Value, family.HouseholdId.Value, family.AttachedOn,
                [.. ResultsEngine.Evaluate(phase, family, asOf, options.Value)
                    .Select(r => new ResultView(r.Kind.ToString(), r.Met, already.Contains((id, r.Kind)), r.Checks))]);
        }).ToList();
        audit.Record("claims.results", AuditOutcome.Allowed, AccessRule.None, null,
            $"Phase {phase} as at {asOf:yyyy-MM-dd}, page {page.Page}: {items.Count} families, {items.Sum(i => i.Results.Count(r => r.Met))} results met");
        await db.SaveChangesAsync(cancellationToken);
        return new ResultsPage(phase, asOf, FamilyFactsReader.Basis, items, page.Page, page.PageSize, page.Total);
    }
}
