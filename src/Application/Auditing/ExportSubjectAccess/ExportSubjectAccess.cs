using System.Globalization;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.ExportSubjectAccess;

/// <summary>
/// A subject access export (DOMAIN.md RT1): everything held on a person by every agency, and everyone who read or
/// tried to read it. Only the information governance lead may produce it; it is audited as such. The respond-by
/// date counts from the day the request was received (default: today), in working days of the partnership; a
/// complex request is extended by two months when the person was told within the first month.
/// </summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record ExportSubjectAccessQuery(PersonId PersonId, DateOnly? ReceivedOn = null, DateOnly? ExtensionToldOn = null) : IQuery<SubjectAccessExport>;

public sealed class ExportSubjectAccessValidator : AbstractValidator<ExportSubjectAccessQuery>
{
    public ExportSubjectAccessValidator(PartnershipClock clock)
    {
        RuleFor(q => q.ReceivedOn).Must(d => d is null || d <= clock.Today).WithMessage("The date the request was received cannot be in the future");
        RuleFor(q => q.ExtensionToldOn)
            .Must(d => d is null || d <= clock.Today).WithMessage("The date the person was told of the extension cannot be in the future")
            .Must((q, told) => told is null || WithinFirstMonth(clock, q.ReceivedOn ?? clock.Today, told.Value))
            .WithMessage(q => string.Create(CultureInfo.InvariantCulture,
                $"An extension counts only if the person was told within the first month, from {q.ReceivedOn ?? clock.Today:d MMMM yyyy} to {clock.Calendar.SubjectAccessRespondBy(q.ReceivedOn ?? clock.Today):d MMMM yyyy}"));
    }

    private static bool WithinFirstMonth(PartnershipClock clock, DateOnly received, DateOnly told) =>
        told >= received && told <= clock.Calendar.SubjectAccessRespondBy(received);
}

/// <summary>
/// The export: the person, every record on them by kind (<see cref="SubjectAccessRecords"/>), each with who accessed
/// it, and the whole access log (entries about the person that name no record, such as searches, included).
/// </summary>
public sealed record SubjectAccessExport(
    DateTimeOffset ProducedAt,
    DateOnly ReceivedOn,
    DateOnly RespondBy,
    DateOnly? ExtensionToldOn,
    PersonDetailsView Person,
    IReadOnlyList<AuditEntryView> PersonAccessedBy,
    IReadOnlyList<SubjectAccessSection> Records,
    IReadOnlyList<AuditEntryView> AccessLog)
{
    /// <summary>The records of one kind ("cases", "interventions"...); empty when there are none.</summary>
    public IReadOnlyList<SubjectAccessRecord> Of(string kind) => Records.SingleOrDefault(s => s.Kind == kind)?.Records ?? [];
}

public sealed class ExportSubjectAccessHandler(IAppDbContext db, IAuditTrail audit, PartnershipClock clock, IUserDirectory users)
    : IQueryHandler<ExportSubjectAccessQuery, SubjectAccessExport>
{
    public async ValueTask<SubjectAccessExport> Handle(ExportSubjectAccessQuery query, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.PersonId, cancellationToken)
            ?? throw NotFoundException.For("Person", query.PersonId);
        var personKey = query.PersonId.Value;
        // Entries about the person, and those naming their households, the households' family cases and claim lines,
        // which name no person (a household's read is about all its members).
        var households = db.Households.Where(h => h.Members.Any(m => m.PersonId == query.PersonId)).Select(h => h.Id);
        var related = (await households.Select(h => h.Value).ToListAsync(cancellationToken))
            .Concat(await db.Cases.Where(c => c.HouseholdId != null && households.Contains(c.HouseholdId.Value)).Select(c => c.Id.Value).ToListAsync(cancellationToken))
            .Concat(await db.ClaimLines.Where(l => households.Contains(l.HouseholdId)).Select(l => l.Id.Value).ToListAsync(cancellationToken))
            .Select(id => id.ToString())
            .ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectPersonId == personKey || (e.SubjectPersonId == null && e.EntityId != null && related.Contains(e.EntityId)))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var log = await AuditEntryView.NamedAsync(entries, db, users, cancellationToken);

        // Who accessed each record: the entries that name it (audit entries name records by their id).
        var byRecord = log.Where(e => e.EntityId is not null).ToLookup(e => e.EntityId!, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<AuditEntryView> AccessedBy(Guid id) => byRecord[id.ToString()].ToList();

        var context = new SubjectAccessContext(db, users, clock, query.PersonId, $"{person.GivenName} {person.FamilyName}");
        var records = new List<SubjectAccessSection>(SubjectAccessRecords.All.Count);
        foreach (var source in SubjectAccessRecords.All)
        {
            records.Add(await source.LoadAsync(context, AccessedBy, cancellationToken));
        }

        var receivedOn = query.ReceivedOn ?? clock.Today;
        var respondBy = clock.Calendar.SubjectAccessRespondBy(receivedOn, query.ExtensionToldOn);
        var extension = query.ExtensionToldOn is { } told ? $"; extended, person told {told:yyyy-MM-dd}" : string.Empty;
        audit.Record("subject-access.export", AuditOutcome.Allowed, AccessRule.Role,
            new AuditSubject("Person", query.PersonId.ToString(), personKey, person.OwnerAgency),
            string.Create(CultureInfo.InvariantCulture, $"Request received {receivedOn:yyyy-MM-dd}; respond by {respondBy:yyyy-MM-dd}{extension}"));
        await db.SaveChangesAsync(cancellationToken);

        return new SubjectAccessExport(
            clock.Now,
            receivedOn,
            respondBy,
            query.ExtensionToldOn,
            PersonProjections.ToDetails(person, access: null),
            AccessedBy(personKey),
            records,
            log);
    }
}
