catalog-heading = Services in Thuringia
catalog-search-label = Search for a service
catalog-search-hint = For example “Ummeldung”, “parking permit” or “dog tax”
catalog-result-count = { $count ->
    [0] No service found
    [one] 1 service found
   *[other] { $count } services found
}
catalog-showing-first = Showing the first { $shown }. Refine your search to find more.
catalog-no-results = No matching service. Check the spelling or call 115.
catalog-featured = Often used
catalog-life-situation = Life situation
catalog-leika-key = Service key { $key }
catalog-fees = Fees
catalog-duration = Processing time
catalog-source-seed = Catalog: shipped with the app
catalog-source-state-api = Catalog: from the state service
catalog-all-life-situations = All life situations
catalog-place = Show the responsible office for
catalog-no-place = No place chosen
catalog-local-only = Only services of the municipality or district
catalog-responsible = Responsible
guides-heading = Step by step
guides-intro = What needs doing when something in your life changes? Here it is, in order.
guide-link = Step by step: { $name }
guide-when = When
guide-office = Responsible office
guide-needs-place = Choose where you live, and each step names the office responsible.
guide-apply-own = Apply in the app
guide-apply-general = Send a request in the app
