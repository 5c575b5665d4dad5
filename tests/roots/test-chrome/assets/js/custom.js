document.documentElement.dataset.coastal = "yes";
