using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.People.GetPerson;

/// <summary>
/// Reads one person. The access rule is part of the query; a person the reader may not see is "not found",
/// and both the read and the refusal are audited (DOMAIN.md IS9).
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetPersonQuery(PersonId PersonId) : IQuery<PersonDetailsView>;

public sealed class GetPersonHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit, ICurrentUser currentUser)
    : IQueryHandler<GetPersonQuery, PersonDetailsView>
{
    public async ValueTask<PersonDetailsView> Handle(GetPersonQuery query, CancellationToken cancellationToken)
    {
        var person = await access.Readable(db.People.AsNoTracking())
            .Where(p => p.Id == query.PersonId)
            .SingleOrDefaultAsync(cancellationToken);

        var subject = new AuditSubject("Person", query.PersonId.ToString(), query.PersonId.Value, person?.OwnerAgency);
        if (person is null)
        {
            throw await AccessAudit.RefuseAsync(db, audit, "person.read", subject, "Person", query.PersonId, cancellationToken);
        }

        // The person path of the rule, IS7a included (ExplainAsync explains any record of the person). The reader's
        // own agency's record needs no reason (IS7 (1)): the explanation query would leave it out, so it is not run.
        var id = person.Id;
        var explanation = person.OwnerAgency == currentUser.Actor.Agency
            ? null
            : (await access.ExplainManyAsync(db.People.AsNoTracking().Where(p => p.Id == id), p => p.Id, cancellationToken)).GetValueOrDefault(id);
        audit.Record("person.read", AuditOutcome.Allowed, AccessAudit.RuleOf(explanation), subject, AccessAudit.DetailOf(explanation));
        await db.SaveChangesAsync(cancellationToken);
        return PersonProjections.ToDetails(person, explanation);
    }
}

public static class PersonProjections
{
    public static PersonDetailsView ToDetails(Person person, RecordAccessExplanation? access) => new(
        person.Id.Value,
        person.GivenName,
        person.FamilyName,
        person.DateOfBirth,
        person.Gender,
        PersonIdentifierValues.From(person.Identifiers),
        person.Address,
        person.OwnerAgency.Value,
        person.DataCategory.ToString(),
        person.Version,
        person.CreatedAt,
        access);
}
