using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People;
using CaseManager.Application.People.SearchPeople;
using CaseManager.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.FindPeopleForGovernance;

/// <summary>
/// Finds a person by name, date of birth or identifier (the same matching as the people search) among everyone the
/// partnership holds, whichever agency owns them: the information governance lead's first step of a subject access
/// request or an audit search. This read bypasses the record access rule on purpose (ADR 0011): it needs the
/// governance policy and records <c>governance.people-search</c> with the search text.
/// </summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record FindPeopleForGovernanceQuery(string Search) : IQuery<GovernancePeopleMatches>
{
    /// <summary>The most people a search lists; a longer list asks for a closer search.</summary>
    public const int MaxMatches = 20;
}

public sealed class FindPeopleForGovernanceValidator : AbstractValidator<FindPeopleForGovernanceQuery>
{
    public FindPeopleForGovernanceValidator() =>
        RuleFor(q => q.Search).NotEmpty().WithMessage("Enter a name, date of birth or identifier")
            .MaximumLength(100).WithMessage("Search text must be 100 characters or fewer");
}

public sealed record GovernancePeopleMatches(IReadOnlyList<PersonListItem> People, int Total);

public sealed class FindPeopleForGovernanceHandler(IAppDbContext db, IAuditTrail audit) : IQueryHandler<FindPeopleForGovernanceQuery, GovernancePeopleMatches>
{
    public async ValueTask<GovernancePeopleMatches> Handle(FindPeopleForGovernanceQuery query, CancellationToken cancellationToken)
    {
        var text = query.Search.Trim();
        var matches = SearchPeopleHandler.Filter(db.People.AsNoTracking(), text);
        var total = await matches.CountAsync(cancellationToken);
        var people = await matches
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Take(FindPeopleForGovernanceQuery.MaxMatches)
            .Select(p => new PersonListItem(
                p.Id.Value, p.GivenName, p.FamilyName, p.DateOfBirth, p.Identifiers.Pnc, p.Identifiers.Crn,
                p.OwnerAgency.Value, p.DataCategory.ToString(), null))
            .ToListAsync(cancellationToken);
        audit.Record("governance.people-search", AuditOutcome.Allowed, AccessRule.Role, detail: $"Search \"{text}\": {total} found");
        await db.SaveChangesAsync(cancellationToken);
        return new GovernancePeopleMatches(people, total);
    }
}
