using CaseManager.Application.BreakGlass;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Consents;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.ExportSubjectAccess;

/// <summary>
/// A subject access export (DOMAIN.md RT1): everything held on a person by every agency, and everyone who read or
/// tried to read it. Only the information governance lead may produce it; it is audited as such.
/// </summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record ExportSubjectAccessQuery(PersonId PersonId) : IQuery<SubjectAccessExport>;

public sealed record SubjectAccessExport(
    DateTimeOffset ProducedAt,
    DateOnly RespondBy,
    PersonDetailsView Person,
    IReadOnlyList<CaseSummary> Cases,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<BreakGlassView> BreakGlass,
    IReadOnlyList<AuditEntryView> AccessLog);

public sealed record CaseSummary(Guid Id, string Scheme, string OwnerAgency, string DataCategory, string Status, DateOnly StartDate, DateOnly? ExitedOn);

public sealed class ExportSubjectAccessHandler(IAppDbContext db, IAuditTrail audit, PartnershipClock clock)
    : IQueryHandler<ExportSubjectAccessQuery, SubjectAccessExport>
{
    public async ValueTask<SubjectAccessExport> Handle(ExportSubjectAccessQuery query, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.PersonId, cancellationToken)
            ?? throw NotFoundException.For("Person", query.PersonId);
        var cases = await db.Cases.AsNoTracking().Where(c => c.PersonId == query.PersonId)
            .OrderBy(c => c.StartDate)
            .Select(c => new CaseSummary(c.Id.Value, c.Scheme.ToString(), c.OwnerAgency.Value, c.DataCategory.ToString(), c.Status.ToString(), c.StartDate, c.ExitedOn))
            .ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == query.PersonId).OrderBy(c => c.RecordedOn).ToListAsync(cancellationToken);
        var grants = await db.BreakGlassGrants.AsNoTracking().Where(g => g.PersonId == query.PersonId).OrderBy(g => g.ExpiresAtUtc).ToListAsync(cancellationToken);
        var personKey = query.PersonId.Value;
        var log = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectPersonId == personKey).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

        audit.Record("subject-access.export", AuditOutcome.Allowed, AccessRule.Role,
            new AuditSubject("Person", query.PersonId.ToString(), personKey, person.OwnerAgency));
        await db.SaveChangesAsync(cancellationToken);

        return new SubjectAccessExport(
            clock.Now,
            RespondByDate(clock.Today),
            PersonProjections.ToDetails(person, access: null),
            cases,
            consents.Select(c => ConsentView.From(c, clock.Today)).ToList(),
            grants.Select(g => BreakGlassView.From(g, clock.Now)).ToList(),
            log.Select(AuditEntryView.From).ToList());
    }

    /// <summary>RT1: one calendar month (the same date next month, or its last day), moved off a weekend.</summary>
    public static DateOnly RespondByDate(DateOnly received)
    {
        var due = received.AddMonths(1);
        return due.DayOfWeek switch
        {
            DayOfWeek.Saturday => due.AddDays(2),
            DayOfWeek.Sunday => due.AddDays(1),
            _ => due,
        };
    }
}
