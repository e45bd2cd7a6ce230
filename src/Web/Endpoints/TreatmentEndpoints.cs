using CaseManager.Application.Reports.TreatmentExport;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Application.Treatment;
using CaseManager.Application.Treatment.EndTreatmentIntervention;
using CaseManager.Application.Treatment.ListTops;
using CaseManager.Application.Treatment.ListTreatmentInterventions;
using CaseManager.Application.Treatment.RecordTop;
using CaseManager.Application.Treatment.StartTreatmentIntervention;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using Mediator;
using CaseManager.Web.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>Substance misuse treatment on a case (API.md "Substance misuse treatment"): interventions and TOPs.</summary>
public static class TreatmentEndpoints
{
    public static void MapTreatmentEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Treatment").WithStandardProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/treatment-interventions", async Task<Created<TreatmentInterventionView>> (Guid id, StartTreatmentInterventionRequest body, ISender sender, CancellationToken ct) =>
            {
                var started = await sender.Send(new StartTreatmentInterventionCommand(new CaseId(id), body.Type, body.StartDate, body.Medication, body.Mode, body.EndDate), ct);
                return TypedResults.Created($"/api/v1/cases/{id}/treatment-interventions/{started.Id}", started);
            })
            .WithIdempotency<TreatmentInterventionView>((http, started) => $"/api/v1/cases/{http.GetRouteValue("id")}/treatment-interventions/{started.Id}")
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Start a treatment intervention on an open treatment case (owning agency)")
            .WithDescription("Types: Pharmacological (medication Methadone|Buprenorphine|Naltrexone|Acamprosate|Disulfiram|Other; mode Maintenance|Reduction for methadone and buprenorphine), Psychosocial, RecoverySupport, ResidentialRehab, InpatientDetox. HealthSubstanceMisuse data.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/treatment-interventions/{iid:guid}/end", async Task<Ok<TreatmentInterventionView>> (Guid id, Guid iid, EndTreatmentInterventionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EndTreatmentInterventionCommand(new CaseId(id), new TreatmentInterventionId(iid), body.EndDate), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("End a treatment intervention on a day (409 treatment-intervention.already-ended)")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/treatment-interventions", async Task<Ok<IReadOnlyList<TreatmentInterventionView>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListTreatmentInterventionsQuery(new CaseId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The case's treatment interventions the caller may read, newest first");

        cases.MapGet("/treatment-interventions/{iid:guid}", async Task<Ok<TreatmentInterventionView>> (Guid id, Guid iid, ISender sender, CancellationToken ct) =>
                TypedResults.Ok((await sender.Send(new ListTreatmentInterventionsQuery(new CaseId(id), new TreatmentInterventionId(iid)), ct)).SingleOrDefault()
                    ?? throw NotFoundException.For("TreatmentIntervention", iid)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One treatment intervention on the case, if the caller may read it");

        cases.MapPost("/top", async Task<Created<TopRecordView>> (Guid id, TopRequest body, ISender sender, CancellationToken ct) =>
            {
                var top = await sender.Send(new RecordTopCommand(new CaseId(id), body.Stage, body.CompletedOn, body.ToAnswers()), ct);
                return TypedResults.Created($"/api/v1/cases/{id}/top/{top.Id}", top);
            })
            .WithIdempotency<TopRecordView>((http, top) => $"/api/v1/cases/{http.GetRouteValue("id")}/top/{top.Id}")
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record a Treatment Outcomes Profile (stage Start|Review|Exit|PostTreatment); every answer may be null for not answered")
            .WithDescription("Days in the last 28 are 0-28, scores 0-20 (400 otherwise). 409 top.no-start for a Review or Exit TOP without a Start TOP; Start, Review and Exit only while the case is open; PostTreatment only after the discharge (409 top.not-discharged, top.before-discharge).")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/top", async Task<Ok<IReadOnlyList<TopRecordView>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListTopsQuery(new CaseId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The case's TOPs the caller may read, oldest first");

        cases.MapGet("/top/{topId:guid}", async Task<Ok<TopRecordView>> (Guid id, Guid topId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok((await sender.Send(new ListTopsQuery(new CaseId(id), new TopRecordId(topId)), ct)).SingleOrDefault()
                    ?? throw NotFoundException.For("TopRecord", topId)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One TOP on the case, if the caller may read it");

        app.MapGet("/api/v1/reports/treatment", async Task<Ok<TreatmentReportView>> (DateOnly? asOf, DateOnly? from, DateOnly? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new TreatmentReportQuery(asOf, from, to), ct)))
            .WithTags("Reports")
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Treatment measures (DT4) over the records the caller may read: in treatment on asOf, long-term substitute medication among opiate clients, and over from..to (default the 12 months to asOf) completions, re-presentations and young people re-referred")
            .ProducesValidationProblem();

        app.MapGet("/api/v1/exports/treatment", async Task<IResult> (DateOnly? from, DateOnly? to, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var export = await sender.Send(new TreatmentExportQuery(from, to), ct);
                return Results.Stream(body => TreatmentCsv.WriteAsync(body, export, http.RequestAborted), "text/csv; charset=utf-8",
                    $"treatment-episodes-{export.From:yyyy-MM-dd}-to-{export.To:yyyy-MM-dd}.csv");
            })
            .WithTags("Reports")
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("NDTMS-like extract, text/csv: one row per episode in treatment in the period, over the records the caller may read (columns in docs/treatment.md)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
    }
}

public sealed record StartTreatmentInterventionRequest(TreatmentInterventionType? Type, Medication? Medication, PrescribingMode? Mode, DateOnly? StartDate, DateOnly? EndDate);

public sealed record EndTreatmentInterventionRequest(DateOnly? EndDate);

/// <summary>A TOP as the API sends it: the stage, the date and the DT3 answers, flat.</summary>
public sealed record TopRequest(
    TopStage? Stage,
    DateOnly? CompletedOn,
    int? AlcoholDays,
    int? AlcoholUnitsPerDay,
    int? OpiateDays,
    int? CrackDays,
    int? CocaineDays,
    int? AmphetamineDays,
    int? CannabisDays,
    string? OtherSubstanceName,
    int? OtherSubstanceDays,
    int? TobaccoDays,
    int? InjectedDays,
    bool? SharedNeedles,
    bool? SharedParaphernalia,
    int? ShopliftingDays,
    int? DrugSellingDays,
    int? VehicleTheftDays,
    int? OtherTheftDays,
    int? FraudDays,
    int? AssaultDays,
    int? PsychologicalHealth,
    int? PhysicalHealth,
    int? QualityOfLife,
    int? PaidWorkDays,
    int? EducationDays,
    bool? AcuteHousingProblem,
    bool? RiskOfEviction)
{
    public TopAnswers ToAnswers() => new()
    {
        AlcoholDays = AlcoholDays,
        AlcoholUnitsPerDay = AlcoholUnitsPerDay,
        OpiateDays = OpiateDays,
        CrackDays = CrackDays,
        CocaineDays = CocaineDays,
        AmphetamineDays = AmphetamineDays,
        CannabisDays = CannabisDays,
        OtherSubstanceName = OtherSubstanceName,
        OtherSubstanceDays = OtherSubstanceDays,
        TobaccoDays = TobaccoDays,
        InjectedDays = InjectedDays,
        SharedNeedles = SharedNeedles,
        SharedParaphernalia = SharedParaphernalia,
        ShopliftingDays = ShopliftingDays,
        DrugSellingDays = DrugSellingDays,
        VehicleTheftDays = VehicleTheftDays,
        OtherTheftDays = OtherTheftDays,
        FraudDays = FraudDays,
        AssaultDays = AssaultDays,
        PsychologicalHealth = PsychologicalHealth,
        PhysicalHealth = PhysicalHealth,
        QualityOfLife = QualityOfLife,
        PaidWorkDays = PaidWorkDays,
        EducationDays = EducationDays,
        AcuteHousingProblem = AcuteHousingProblem,
        RiskOfEviction = RiskOfEviction,
    };
}
