// The guide's own script: marks the page as loaded with it.
document.documentElement.dataset.guideScript = "loaded";
