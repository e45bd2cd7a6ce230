using CaseManager.Application.Auditing.SearchAudit;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.ExportAudit;

/// <summary>
/// The audit search's entries for download (CSV): the same filters as <see cref="SearchAuditQuery"/>, newest first,
/// all of them up to <see cref="MaxEntries"/>. Governance only (ADR 0011), and audited as a search is.
/// </summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record ExportAuditQuery(
    Guid? PersonId = null,
    Guid? UserId = null,
    string? AgencyCode = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool SharedOnly = false) : IQuery<AuditExport>
{
    /// <summary>A download holds at most this many entries; narrow the dates for more.</summary>
    public const int MaxEntries = 10_000;
}

public sealed class ExportAuditValidator : AbstractValidator<ExportAuditQuery>
{
    public ExportAuditValidator()
    {
        RuleFor(q => q.AgencyCode).Must(code => string.IsNullOrEmpty(code) || Domain.Agencies.AgencyCode.TryParse(code, out _))
            .WithMessage("Agency code is not valid");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("The end date must be on or after the start date");
    }
}

/// <summary>The entries, and how many matched (more than the entries when the download was cut at its limit).</summary>
public sealed record AuditExport(IReadOnlyList<AuditEntryView> Entries, int Total);

public sealed class ExportAuditHandler(IAppDbContext db, PartnershipClock clock, IAuditTrail audit, IUserDirectory users) : IQueryHandler<ExportAuditQuery, AuditExport>
{
    public async ValueTask<AuditExport> Handle(ExportAuditQuery query, CancellationToken cancellationToken)
    {
        var entries = AuditFilter.Apply(db.AuditEntries.AsNoTracking(), clock, query.PersonId, query.UserId, query.AgencyCode, query.From, query.To, query.SharedOnly);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.Sequence).Take(ExportAuditQuery.MaxEntries).ToListAsync(cancellationToken);
        audit.Record("audit.export", AuditOutcome.Allowed, AccessRule.Role,
            query.PersonId is { } subject ? new AuditSubject("Person", subject.ToString(), subject) : null,
            $"{AuditFilter.Describe(query.PersonId, query.UserId, query.AgencyCode, query.From, query.To, query.SharedOnly)}: {total} found, {rows.Count} downloaded");
        await db.SaveChangesAsync(cancellationToken);
        return new AuditExport(await AuditEntryView.NamedAsync(rows, db, users, cancellationToken), total);
    }
}
