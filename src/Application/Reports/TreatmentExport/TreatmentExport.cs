using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Treatment;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Reports.TreatmentExport;

/// <summary>
/// The NDTMS-like treatment extract (docs/treatment.md): one row per episode in treatment at any time in the period,
/// over the episodes the reader may read, with counts over the interventions and TOPs they may read. The rows are a
/// query read one at a time as the response is written, never a list held in memory.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record TreatmentExportQuery(DateOnly? From, DateOnly? To) : IQuery<TreatmentExport>;

public sealed record TreatmentExport(DateOnly From, DateOnly To, IAsyncEnumerable<TreatmentExportRow> Rows);

public sealed record TreatmentExportRow(
    Guid ClientId,
    Guid EpisodeId,
    string Service,
    string Provider,
    DateOnly ReferralDate,
    string ReferralSource,
    DateOnly? TriageDate,
    DateOnly TreatmentStart,
    TreatmentSubstance Drug1,
    TreatmentSubstance? Drug2,
    TreatmentSubstance? Drug3,
    InjectingStatus InjectingStatus,
    bool OpiateClient,
    DateOnly? DischargeDate,
    string? DischargeReason,
    bool? SuccessfulCompletion,
    int Interventions,
    int SubstituteInterventions,
    int Tops);

public sealed class TreatmentExportValidator : AbstractValidator<TreatmentExportQuery>
{
    public TreatmentExportValidator()
    {
        RuleFor(q => q.From).NotNull().WithMessage("Enter the first day of the period");
        RuleFor(q => q.To).NotNull().WithMessage("Enter the last day of the period")
            .Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("The period must end on or after it starts");
    }
}

public sealed class TreatmentExportHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit) : IQueryHandler<TreatmentExportQuery, TreatmentExport>
{
    public async ValueTask<TreatmentExport> Handle(TreatmentExportQuery query, CancellationToken cancellationToken)
    {
        var from = query.From!.Value;
        var to = query.To!.Value;
        var interventions = access.Readable(db.TreatmentInterventions.AsNoTracking());
        var tops = access.Readable(db.TopRecords.AsNoTracking());
        var rows = access.Readable(db.TreatmentEpisodes.AsNoTracking())
            .Where(e => e.StartDate <= to && (e.DischargedOn == null || e.DischargedOn >= from))
            .OrderBy(e => e.StartDate).ThenBy(e => e.CaseId)
            .Select(e => new TreatmentExportRow(
                e.PersonId.Value,
                e.CaseId.Value,
                e.Service.ToString(),
                e.OwnerAgency.Value,
                e.ReferralDate,
                e.ReferralSource,
                e.TriageDate,
                e.StartDate,
                e.PrimarySubstance,
                e.SecondarySubstance,
                e.TertiarySubstance,
                e.InjectingStatus,
                e.OpiateClient,
                e.DischargedOn,
                e.DischargeReason.HasValue ? e.DischargeReason.Value.ToString() : null,
                e.SuccessfulCompletion,
                interventions.Count(i => i.CaseId == e.CaseId),
                interventions.Count(i => i.CaseId == e.CaseId && i.Type == TreatmentInterventionType.Pharmacological
                    && (i.Medication == Medication.Methadone || i.Medication == Medication.Buprenorphine)),
                tops.Count(t => t.CaseId == e.CaseId)))
            .AsAsyncEnumerable();
        audit.Record("export.treatment", AuditOutcome.Allowed, AccessRule.Owner, detail: $"Treatment episodes {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new TreatmentExport(from, to, rows);
    }
}
