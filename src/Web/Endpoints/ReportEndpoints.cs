using System.Globalization;
using CaseManager.Application.Common.Security;
using CaseManager.Application.ReferenceFigures;
using CaseManager.Application.ReferenceFigures.GetReferenceFigure;
using CaseManager.Application.ReferenceFigures.ListReferenceFigures;
using CaseManager.Application.ReferenceFigures.RecordReferenceFigure;
using CaseManager.Application.ReferenceFigures.RemoveReferenceFigure;
using CaseManager.Application.Reports.PartnershipReport;
using CaseManager.Domain.Reporting;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>The partnership report (API.md "Partnership report and home") and the reference figures it compares against.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports/partnership").WithTags("Reports").WithStandardProblems()
            .RequireAuthorization(Policies.PartnershipReport);

        reports.MapGet("/", async Task<Ok<PartnershipReportView>> (DateOnly? from, DateOnly? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PartnershipReportQuery(from, to), ct)))
            .WithSummary("The strategy's five priorities over from..to (default the financial year to date), over the records the caller may see; counts under Reports:SuppressBelow (5) are shown as \"<5\" with no value, and a complementary figure is hidden with them")
            .ProducesValidationProblem();

        reports.MapGet("/export", async Task<FileContentHttpResult> (DateOnly? from, DateOnly? to, ISender sender, CancellationToken ct) =>
            {
                var report = await sender.Send(new PartnershipReportQuery(from, to), ct);
                var csv = Csv.Write(PartnershipCsv.Header, PartnershipCsv.Rows(report));
                return TypedResults.File(Csv.ToBytes(csv), "text/csv; charset=utf-8",
                    $"partnership-report-{report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-to-{report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
            })
            .WithSummary("The same report as CSV, one row per figure; suppressed figures read \"fewer than 5\"")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();

        var referenceFigures = app.MapGroup("/api/v1/reference-figures").WithTags("Reports").WithStandardProblems().RequireAuthorization();
        referenceFigures.MapGet("/", async Task<Ok<IReadOnlyList<ReferenceFigureView>>> (PartnershipPriority? priority, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReferenceFiguresQuery(priority), ct)))
            .WithSummary("The dated reference figures (survey results, cost baselines) the partnership report compares against, with their sources");

        referenceFigures.MapGet("/{id:guid}", async Task<Ok<ReferenceFigureView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetReferenceFigureQuery(new ReferenceFigureId(id)), ct)))
            .WithSummary("One reference figure, with its source and date")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = app.MapGroup("/api/v1/admin/reference-figures").WithTags("Administration").WithStandardProblems()
            .RequireAuthorization(Policies.Administer);

        admin.MapPost("/", async Task<Created<ReferenceFigureView>> (RecordReferenceFigureRequest body, ISender sender, CancellationToken ct) =>
            {
                var figure = await sender.Send(new RecordReferenceFigureCommand(body.Code, body.Priority, body.Label, body.Value, body.Unit, body.On, body.Source), ct);
                return TypedResults.Created($"/api/v1/reference-figures/{figure.Id}", figure);
            })
            .WithIdempotency<ReferenceFigureView>((_, figure) => $"/api/v1/reference-figures/{figure.Id}")
            .WithSummary("Record a reference figure with its source and date (409 reference-figure.exists for a second one of the same code and date)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveReferenceFigureCommand(new ReferenceFigureId(id)), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a reference figure entered in error")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

public sealed record RecordReferenceFigureRequest(string? Code, PartnershipPriority? Priority, string? Label, decimal? Value, ReferenceUnit? Unit, DateOnly? On, string? Source);
