using System.Globalization;
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

public sealed record SubjectAccessExport(
    DateTimeOffset ProducedAt,
    DateOnly ReceivedOn,
    DateOnly RespondBy,
    DateOnly? ExtensionToldOn,
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
            cases,
            consents.Select(c => ConsentView.From(c, clock.Today)).ToList(),
            grants.Select(g => BreakGlassView.From(g, clock.Now)).ToList(),
            log.Select(AuditEntryView.From).ToList());
    }
}
