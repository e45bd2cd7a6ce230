using System.Globalization;
using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Interventions;
using CaseManager.Application.Interventions.ListInterventions;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases;

/// <summary>One case: its details, why the reader may see it, its work (newest first) and what the reader may do next.</summary>
public sealed class CaseDetailsModel(ISender sender, ICurrentUser currentUser, LocalTime time) : PageModel
{
    private const int PageSize = 20;

    public CaseView Case { get; private set; } = null!;

    public IReadOnlyList<SummaryRow> Details { get; private set; } = [];

    public string? SharedBecause { get; private set; }

    public IReadOnlyList<InterventionRow> Work { get; private set; } = [];

    public string WorkCaption { get; private set; } = string.Empty;

    public Pagination? WorkPages { get; private set; }

    public bool IsOpen => Case.Status != nameof(CaseStatus.Exited);

    public string SchemeName => SchemeNames.Of<Scheme>(Case.Scheme);

    public bool IsIom => Case.Scheme == nameof(Scheme.Iom);

    /// <summary>Owning agency's caseworkers and managers change the case and nominate its exit.</summary>
    public bool CanChange { get; private set; }

    /// <summary>The owning agency's workers record what follows the case's end, such as a post-treatment TOP (DT3).</summary>
    public bool CanRecordAfterExit { get; private set; }

    /// <summary>Any worker whose agency takes part in the scheme logs work on an open case (IOM: police and probation together).</summary>
    public bool CanLogWork { get; private set; }

    /// <summary>A manager of the owning agency who did not nominate the pending exit decides it.</summary>
    public bool CanDecide { get; private set; }

    public bool NominatedByMe { get; private set; }

    /// <summary>A manager of the owning agency allocates an open case to another of its workers.</summary>
    public bool CanAllocate { get; private set; }

    /// <summary>A writer who reads an open Troubled Families case may record a local criterion on it (TF1 (d)), whichever agency they are in.</summary>
    public bool CanRecordLocalCriterion { get; private set; }

    public IReadOnlyList<SummaryRow> Nomination { get; private set; } = [];

    public string Href => $"/cases/{Case.Id}";

    public async Task OnGetAsync(Guid id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        Case = await sender.Send(new GetCaseQuery(new CaseId(id)), cancellationToken);
        var work = await sender.Send(new ListInterventionsQuery(new CaseId(id), Math.Max(pageNumber, 1), PageSize), cancellationToken);
        var actor = currentUser.Actor;
        var agency = actor.Agency?.Value;
        var owns = agency == Case.OwnerAgency;
        var writer = Policies.Allows(Policies.WriteCaseData, actor);
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        var takesPart = agencies.Any(a => a.Code == agency && a.Schemes.Any(s => s.ToString() == Case.Scheme));

        CanChange = IsOpen && owns && writer;
        CanRecordAfterExit = !IsOpen && owns && writer;
        CanLogWork = IsOpen && writer && (owns || takesPart);
        NominatedByMe = Case.PendingExitNomination is { } pending && pending.NominatedBy == actor.UserId;
        CanDecide = Case.PendingExitNomination is not null && owns && Policies.Allows(Policies.ManageCases, actor) && !NominatedByMe;
        CanAllocate = IsOpen && owns && Policies.Allows(Policies.ManageCases, actor);
        CanRecordLocalCriterion = IsOpen && writer && Case.HouseholdId is not null && Case.Scheme == nameof(Scheme.TroubledFamilies);
        SharedBecause = Explain(Case.Access);
        Details = DetailsOf(Case, CanAllocate ? $"{Href}/allocate" : null);
        Nomination = Case.PendingExitNomination is { } nomination ? NominationRows(nomination, time) : [];
        Work = work.Items.Select(w => ToRow(w, time)).ToList();
        WorkCaption = work.Total == 1 ? "1 entry, newest first" : $"{work.Total} entries, newest first";
        WorkPages = Pagination.For(work, "Pages of work on this case", p => $"{Href}?page={p.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The case's details; <paramref name="allocateHref"/> puts a Change link on "Allocated to".</summary>
    public static IReadOnlyList<SummaryRow> DetailsOf(CaseView view, string? allocateHref = null)
    {
        var rows = new List<SummaryRow>
        {
            new("Person", view.PersonName ?? "Not shared with you"),
            new("Scheme", SchemeNames.Of<Scheme>(view.Scheme)),
            new("Owning agency", view.OwnerAgency),
            new("Allocated to", view.AllocatedToName)
            {
                Change = allocateHref is null ? null : new SummaryChange(allocateHref, "allocated worker", "change-allocation"),
            },
            new("Start date", LocalTime.Date(view.StartDate)),
        };
        if (view.ExitedOn is { } exited)
        {
            rows.Add(new("Exited on", LocalTime.Date(exited)));
        }
        else
        {
            rows.Add(new("Next review due", LocalTime.Date(view.NextReviewDue)));
        }

        if (view.Scheme == nameof(Scheme.Iom))
        {
            rows.AddRange(
            [
                new("Cohort", view.Cohort),
                new("Tier", view.Tier),
                new("Why selected", view.SelectionReason),
                new("Score", view.SelectionScore),
                new("Panel note", view.PanelNote),
                new("MAPPA", view.Mappa ? "Yes" : "No"),
                new("PPO", view.Ppo ? "Yes" : "No"),
                new("Predicted re-offending", view.PredictedReoffendingRate is { } rate ? $"{rate.ToString("0.#", CultureInfo.InvariantCulture)}%" : null),
                new("Custody", CaseWords.Custody(view.Custody, LocalTime.Date)),
            ]);
        }

        return SummaryRow.Aligned(rows);
    }

    public static IReadOnlyList<SummaryRow> NominationRows(ExitNominationView nomination, LocalTime time) =>
    [
        new("Reason", CaseWords.ExitReasonOf(nomination.Reason)),
        new("Note", nomination.Note),
        new("Evidence", nomination.Evidence),
        new("Nominated by", nomination.NominatedByName),
        new("Nominated", time.DateAndTime(nomination.NominatedAt)),
    ];

    public static string? Explain(RecordAccessExplanation? access) => access switch
    {
        null => null,
        { Rule: AccessRules.BreakGlass } => "You see this case because you used break-glass access to this person.",
        { Rule: AccessRules.Consent } => $"This case belongs to another agency. It is shared with your agency under the agreement ‘{access.AgreementName}’ with the person's consent.",
        _ => $"This case belongs to another agency. It is shared with your agency under the agreement ‘{access.AgreementName}’.",
    };

    private static InterventionRow ToRow(InterventionView work, LocalTime time)
    {
        var details = new List<string>();
        if (work.Result is { } result)
        {
            details.Add(work.Substances.Count > 0 ? $"Result: {result} ({string.Join(", ", work.Substances)})" : $"Result: {result}");
        }

        if (work.DurationMinutes is { } minutes)
        {
            details.Add($"{minutes} minutes");
        }

        return new InterventionRow(
            time.DateAndTime(work.OccurredAt),
            CaseWords.TypeOf(work.Type),
            string.Join(". ", details),
            work.Outcome,
            work.Notes,
            $"{work.OwnerAgency}, {SchemeNames.Of<DataCategory>(work.DataCategory)}",
            work.RecordedByName,
            Explain(work.Access));
    }
}

public sealed record InterventionRow(
    string When,
    string Type,
    string Details,
    string? Outcome,
    string? Notes,
    string OwnerAndCategory,
    string? RecordedBy,
    string? SharedBecause);
